import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createHmacSha256, sha256, toHex, utf8Bytes } from './hmacSha256.js';

describe('sha256 / hmacSha256', () => {
  it('matches the FIPS 180-4 and RFC 4231 test vectors', () => {
    expect(toHex(sha256(utf8Bytes('')))).toBe(
      'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
    );
    expect(toHex(sha256(utf8Bytes('abc')))).toBe(
      'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad',
    );
    expect(toHex(sha256(utf8Bytes('abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq')))).toBe(
      '248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1',
    );
    // RFC 4231 test case 2.
    expect(toHex(createHmacSha256('Jefe')('what do ya want for nothing?'))).toBe(
      '5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843',
    );
  });

  it('agrees with node:crypto, including keys longer than a block and multi-block messages', () => {
    for (const [key, message] of [
      ['k'.repeat(131), 'x'],
      ['密钥', '福建省厦门市思明区'.repeat(20)],
      ['', ''],
    ] as const) {
      expect(toHex(createHmacSha256(key)(message))).toBe(
        createHmac('sha256', key).update(message, 'utf8').digest('hex'),
      );
    }
  });

  it('encodes UTF-8 like TextEncoder', () => {
    for (const text of ['林语桐', 'a·b', '😀', '\ud800x']) {
      expect(Array.from(utf8Bytes(text))).toEqual(Array.from(new TextEncoder().encode(text)));
    }
  });
});
