/** Compress bytes with raw DEFLATE (`CompressionStream('deflate-raw')`: Chromium, Firefox, Safari, Node ≥ 20). */
export async function deflateRaw(bytes: Uint8Array): Promise<Uint8Array> {
  const stream = new Blob([bytes as BlobPart]).stream().pipeThrough(new CompressionStream('deflate-raw'));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

/** Result of `inflateRawCapped`: the bytes, or why there are none. */
export type Inflated =
  { ok: true; bytes: Uint8Array } | { ok: false; reason: 'too-large' | 'corrupt'; detail: string };

/**
 * Decompress raw DEFLATE, reading the output as a stream and stopping as soon as it passes `cap` bytes,
 * so a small link that inflates to gigabytes (a "zip bomb") costs at most `cap` bytes of memory.
 */
export async function inflateRawCapped(bytes: Uint8Array, cap: number): Promise<Inflated> {
  const reader = new Blob([bytes as BlobPart])
    .stream()
    .pipeThrough(new DecompressionStream('deflate-raw'))
    .getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      total += value.byteLength;
      if (total > cap) {
        await reader.cancel().catch(() => undefined);
        return { ok: false, reason: 'too-large', detail: `more than ${cap} bytes` };
      }
      chunks.push(value);
    }
  } catch (error) {
    return { ok: false, reason: 'corrupt', detail: error instanceof Error ? error.message : String(error) };
  }
  const out = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return { ok: true, bytes: out };
}
