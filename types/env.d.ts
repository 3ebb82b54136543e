// Build-time flags read through import.meta.env (Vite replaces them).
interface ImportMetaEnv {
  /** "true" in demo builds (`npm run demo`): the background seeds the sample ledger. */
  readonly WXT_RELANCE_DEMO?: string;
}
