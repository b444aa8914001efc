/** How a bundle's text is written: YAML or JSON. */
export type BundleFormat = 'yaml' | 'json';

/** The version written in share links; `decodeShare` reads this one only. */
export const SHARE_VERSION = 'v1';

/** Fragment parameter that carries a shared bundle: `#share=v1.<format>.<data>`. */
export const SHARE_PARAM = 'share';

/** Largest bundle text (UTF-8 bytes) a share link may carry, checked while decompressing. */
export const MAX_SHARE_BYTES = 2 * 1024 * 1024;

/**
 * Largest `<data>` part `decodeShare` looks at: deflate cannot shrink text below ~1/1000, so anything
 * longer than the compressed form of `MAX_SHARE_BYTES` of worst-case text is refused before decoding.
 */
export const MAX_SHARE_DATA_CHARS = Math.ceil((MAX_SHARE_BYTES * 4) / 3) + 1024;
