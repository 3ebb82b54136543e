import { decodeEntries, entriesToState, UnsupportedFormatError } from './chunk-codec';
import { chunkHash, collectChunks, decodeManifest, MANIFEST_KEY, type Manifest } from './chunking';
import { READABLE_VERSIONS } from './codec-tables';
import { isPacked, unpackText } from './compress';
import { emptyState, merge, type ReplicaState } from './state';

export type ReadProblem = 'unsupported_version' | 'corrupt' | 'incomplete';

export interface DecodedItems {
  state: ReplicaState;
  manifest: Manifest | undefined;
  /** Chunks that could not be read; their data stays on the server until a writer replaces it. */
  problems: { key: string; problem: ReadProblem }[];
}

/** Decoded chunks by content hash: a chunk seen before is not decoded again. */
export type ChunkCache = Map<string, ReplicaState>;

/**
 * Reads every chunk found (compressed, or plain text as format 1 wrote them), whether or not the
 * manifest lists it: storage.sync may hold items from two writers at once, and each chunk is a
 * valid piece of state on its own, so merging all of them loses nothing.
 */
export function decodeItems(items: Readonly<Record<string, unknown>>, cache?: ChunkCache): DecodedItems {
  const problems: DecodedItems['problems'] = [];
  const manifest = decodeManifest(items[MANIFEST_KEY]);
  if (manifest && !READABLE_VERSIONS.includes(manifest.version))
    return {
      state: emptyState(),
      manifest,
      problems: [{ key: MANIFEST_KEY, problem: 'unsupported_version' }],
    };
  let state = emptyState();
  const collected = collectChunks(items);
  for (const key of collected.broken) problems.push({ key, problem: 'incomplete' });
  const seen: ChunkCache = new Map();
  for (const [key, text] of collected.texts) {
    const hash = chunkHash(text) + ':' + text.length;
    let piece = cache?.get(hash);
    if (!piece) {
      try {
        piece = entriesToState(decodeEntries(isPacked(text) ? unpackText(text) : text));
      } catch (error) {
        problems.push({
          key,
          problem: error instanceof UnsupportedFormatError ? 'unsupported_version' : 'corrupt',
        });
        continue;
      }
    }
    seen.set(hash, piece);
    state = merge(state, piece);
  }
  if (cache) {
    cache.clear();
    for (const [hash, piece] of seen) cache.set(hash, piece);
  }
  return { state, manifest, problems };
}
