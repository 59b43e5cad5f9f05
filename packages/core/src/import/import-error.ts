/**
 * Import: the one error `importPlan` throws, for a source it cannot read at all (an unknown
 * format, a file that is not a .docx). Everything it can read becomes a draft, however little
 * of it maps to keys.
 */

/** Why a source could not be imported. */
export type ImportErrorCode = 'unsupported-format' | 'not-docx' | 'no-docx-reader';

/** A source `importPlan` cannot read; `message` says what to do. */
export class ImportError extends Error {
  constructor(
    readonly code: ImportErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'ImportError';
  }
}
