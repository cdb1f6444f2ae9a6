// Turns the bytes of a text file into a string: UTF-8 (with or without BOM), UTF-16 with BOM, or Windows-1252.
import { BeschlussError } from '../errors.ts';

/** Share of control characters above which bytes are taken for a binary file rather than text. */
const MAX_CONTROL_SHARE = 0.01;

/** Share of characters outside German text (C1 controls, rare symbols) above which a Windows-1252 reading is rejected. */
const MAX_FOREIGN_SHARE = 0.005;

/**
 * Windows-1252 characters of bytes 0x80–0x9F; the other bytes are their Latin-1 code points. Decoded by hand
 * because Node's TextDecoder('windows-1252') reads these bytes as Latin-1 control characters.
 */
const WINDOWS_1252_HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ';

export function decodeWindows1252(bytes: Uint8Array): string {
  let text = '';
  for (const byte of bytes) {
    text += byte >= 0x80 && byte <= 0x9f ? WINDOWS_1252_HIGH[byte - 0x80] : String.fromCharCode(byte);
  }
  return text;
}

function isControlByte(byte: number): boolean {
  return (byte < 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0d && byte !== 0x0c) || byte === 0x7f;
}

/** Letters, digits, punctuation and symbols that occur in German administrative text. */
const GERMAN_TEXT_CHARACTER = /[\t\n\r\f\x20-\x7e\u00a0-\u00ff„“”‚‘’–—…€•]/u;

/** Whether a Windows-1252 reading looks like German: few characters outside German text, umlauts or ASCII only. */
function looksLikeGermanText(text: string): boolean {
  let foreign = 0;
  for (const character of text) if (!GERMAN_TEXT_CHARACTER.test(character)) foreign += 1;
  const lettersOutsideGerman = (text.match(/[\u00c0-\u00ff]/g) ?? []).filter(
    (letter) => !'äöüÄÖÜßéèàç'.includes(letter),
  ).length;
  const umlauts = (text.match(/[äöüÄÖÜß]/g) ?? []).length;
  return foreign <= text.length * MAX_FOREIGN_SHARE && lettersOutsideGerman <= Math.max(2, umlauts);
}

/**
 * Decodes a text file's bytes. UTF-8 is tried first (a BOM is dropped); bytes that are not valid UTF-8 are read as
 * Windows-1252, the usual encoding of older German office files, but only when the result looks like German text.
 * Empty files, binary files (NUL bytes or many control characters) and undecodable bytes are BeschlussErrors.
 */
export function decodeText(bytes: Uint8Array, file: string): string {
  if (bytes.length === 0) {
    throw new BeschlussError(
      'FILE_EMPTY',
      `${file}: the file is empty (0 bytes); expected a collection of Beschlüsse`,
      {
        details: { file },
      },
    );
  }
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    return new TextDecoder(bytes[0] === 0xff ? 'utf-16le' : 'utf-16be').decode(bytes);
  }
  const nulAt = bytes.indexOf(0);
  const controls = bytes.reduce((count, byte) => count + (isControlByte(byte) ? 1 : 0), 0);
  if (nulAt >= 0 || controls > bytes.length * MAX_CONTROL_SHARE) {
    throw new BeschlussError(
      'FILE_BINARY',
      `${file}: the file is binary, not text (${nulAt >= 0 ? `NUL byte at offset ${nulAt}` : `${controls} control characters in ${bytes.length} bytes`}); expected a plain-text collection`,
      { details: { file, nulAt, controls, bytes: bytes.length } },
    );
  }
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    const text = decodeWindows1252(bytes);
    if (looksLikeGermanText(text)) return text;
    throw new BeschlussError(
      'FILE_ENCODING',
      `${file}: the text is neither UTF-8 nor German text in Windows-1252; expected a UTF-8 text file`,
      { details: { file } },
    );
  }
}
