/// <reference types="office-js" />

/**
 * The one place where Office.js callbacks become promises. Office reports failures through the
 * callback's `AsyncResult`, never by throwing, except for bad arguments (which throw synchronously).
 */

/** A failed Office call: the `Office.Error` name and code, kept for diagnostics. */
export class OfficeCallError extends Error {
  constructor(
    readonly operation: string,
    readonly code: number | undefined,
    readonly officeName: string | undefined,
    message: string,
  ) {
    super(`${operation}: ${message}`);
    this.name = 'OfficeCallError';
  }
}

// `Office.AsyncResultStatus.Failed` is the string "failed" in office.js (a numeric enum in its typings);
// checking the string and the error keeps this module free of the `Office` global, so any fake runs it.
function failed(result: Office.AsyncResult<unknown>): boolean {
  return String(result.status) === 'failed' || result.error != null;
}

/**
 * Runs an Office method that takes a callback and resolves with the result's value. Rejects with an
 * OfficeCallError when the call fails, whether Office says so in the callback or throws.
 */
export function officeCall<T>(
  operation: string,
  invoke: (callback: (result: Office.AsyncResult<T>) => void) => void,
): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    try {
      invoke((result) => {
        if (!failed(result)) resolve(result.value);
        else
          reject(
            new OfficeCallError(
              operation,
              result.error?.code,
              result.error?.name,
              result.error?.message ?? 'failed',
            ),
          );
      });
    } catch (error) {
      reject(
        new OfficeCallError(
          operation,
          undefined,
          undefined,
          error instanceof Error ? error.message : String(error),
        ),
      );
    }
  });
}
