/**
 * Node entry, helper: why a file operation failed, in words and with its code, for messages
 * that a person reads ("permission denied (EACCES)", "too many symbolic links encountered
 * (ELOOP)"). Node's message holds the system's description between the code and the call
 * ("EACCES: permission denied, open '/plans/x.yaml'"); the path is left out, since every caller
 * names the file itself. An error without a code gives its message.
 */
export function fileErrorText(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const code = (error as NodeJS.ErrnoException).code;
  if (typeof code !== 'string' || !code) return error.message;
  const prefix = `${code}: `;
  if (!error.message.startsWith(prefix)) return code;
  const comma = error.message.indexOf(', ', prefix.length);
  const words = error.message.slice(prefix.length, comma < 0 ? undefined : comma).trim();
  return words ? `${words} (${code})` : code;
}
