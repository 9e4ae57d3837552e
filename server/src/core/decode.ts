// Turns the bytes of a file into plan text: strips a UTF-8 byte order mark and recognises binary or non-UTF-8 input.

export interface DecodedText {
  readonly text: string;
  /** Why the bytes are not a readable plan, when they are not; the text is then still the best-effort decoding. */
  readonly problem?: string;
}

export function decodePlan(bytes: Uint8Array): DecodedText {
  const probe = bytes.subarray(0, 8192);
  if (probe.includes(0)) {
    return { text: '', problem: 'This is a binary file (it contains NUL bytes), not a YAML team plan.' };
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    const lenient = new TextDecoder('utf-8').decode(bytes);
    const offset = lenient.indexOf('\uFFFD');
    return {
      text: stripBom(lenient),
      problem: `This file is not valid UTF-8 (first bad byte near character ${offset}); save it as UTF-8.`,
    };
  }
  return { text: stripBom(text) };
}

function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}
