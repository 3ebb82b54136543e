import { create } from 'qrcode';

/** The dark and light modules of a QR code, row by row. */
export interface QrMatrix {
  size: number;
  isDark(row: number, column: number): boolean;
}

/** Error correction M: a phone still reads the code with a crease or a glare across 15 % of it. */
export function qrMatrix(text: string): QrMatrix {
  const { modules } = create(text, { errorCorrectionLevel: 'M' });
  return { size: modules.size, isDark: (row, column) => Boolean(modules.get(row, column)) };
}

/** The standard's quiet zone: four light modules around the code. */
const QUIET = 4;

/**
 * The QR code of a text (an `sms:` link) as a standalone SVG: one path of unit squares on a white
 * background, drawn in module units and scaled by the viewer, so it stays sharp printed or zoomed.
 */
export function smsQrSvg(uri: string, pixelSize = 200): string {
  const matrix = qrMatrix(uri);
  const side = matrix.size + 2 * QUIET;
  let path = '';
  for (let row = 0; row < matrix.size; row++)
    for (let column = 0; column < matrix.size; column++)
      if (matrix.isDark(row, column)) path += `M${column + QUIET} ${row + QUIET}h1v1h-1z`;
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${side} ${side}" width="${pixelSize}" height="${pixelSize}" shape-rendering="crispEdges">` +
    `<rect width="${side}" height="${side}" fill="#fff"/><path fill="#000" d="${path}"/></svg>`
  );
}

/** The same SVG as a data URL, for an `<img src>` (no canvas needed, in any context). */
export function smsQrDataUrl(uri: string, pixelSize = 200): string {
  return `data:image/svg+xml;charset=utf-8,${encodeURIComponent(smsQrSvg(uri, pixelSize))}`;
}

/**
 * The code as RGBA pixels (black on white, `scale` pixels a module, quiet zone included): the
 * shape of ImageData, for a decoder or a canvas.
 */
export function qrPixels(
  text: string,
  scale = 4,
): { data: Uint8ClampedArray; width: number; height: number } {
  const matrix = qrMatrix(text);
  const side = (matrix.size + 2 * QUIET) * scale;
  const data = new Uint8ClampedArray(side * side * 4).fill(255);
  for (let y = 0; y < side; y++)
    for (let x = 0; x < side; x++) {
      const row = Math.floor(y / scale) - QUIET;
      const column = Math.floor(x / scale) - QUIET;
      if (
        row >= 0 &&
        column >= 0 &&
        row < matrix.size &&
        column < matrix.size &&
        matrix.isDark(row, column)
      ) {
        const at = (y * side + x) * 4;
        data[at] = data[at + 1] = data[at + 2] = 0;
      }
    }
  return { data, width: side, height: side };
}
