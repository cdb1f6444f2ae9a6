// Takes what a client must not see out of an installation's error message: the server's folders (a path becomes its
// file name) and network addresses (URLs, IP addresses with their ports). The full message stays in the log.

const URL_PATTERN = /\b[a-z][a-z0-9+.-]*:\/\/[^\s"'<>()[\]]+/gi;
const IPV4_PATTERN = /\b\d{1,3}(?:\.\d{1,3}){3}(?::\d{1,5})?\b/g;
const IPV6_PATTERN = /\[[0-9a-f:.]*:[0-9a-f:.]*\](?::\d{1,5})?/gi;
/** An absolute POSIX path (not the // of a URL) or a Windows one, after the start, a space, a quote or a bracket. */
const PATH_PATTERN = /(^|[\s"'(=[])((?:\/(?!\/)|[A-Za-z]:\\)[^\s"'()[\],;]*)/g;

export const ADDRESS_PLACEHOLDER = '[Adresse]';

export function redact(message: string): string {
  return (
    message
      // Punctuation that ends the sentence is not part of the URL.
      .replace(URL_PATTERN, (url) => `${ADDRESS_PLACEHOLDER}${/[.,:;!?]+$/.exec(url)?.[0] ?? ''}`)
      .replace(IPV6_PATTERN, ADDRESS_PLACEHOLDER)
      .replace(IPV4_PATTERN, ADDRESS_PLACEHOLDER)
      .replace(PATH_PATTERN, (_match, before: string, file: string) => `${before}${lastSegment(file)}`)
  );
}

function lastSegment(file: string): string {
  const trimmed = file.replace(/[\\/.:]+$/, '');
  const tail = trimmed.split(/[\\/]/).pop() ?? '';
  const ending = file.slice(trimmed.length).replace(/[\\/]+/g, '');
  return tail === '' ? '…' : `${tail}${ending}`;
}
