/**
 * CLI, formatting step: picks the formatter for `--format`. Each formatter module is loaded
 * only when asked for, so a run pays for the one format it prints.
 */
import type { FormatName } from '../parse-args.js';
import type { Formatter } from './report-input.js';

/** The formatter of a format name. */
export async function loadFormatter(format: FormatName): Promise<Formatter> {
  switch (format) {
    case 'json':
      return (await import('./format-json.js')).formatJson;
    case 'sarif':
      return (await import('./format-sarif.js')).formatSarif;
    case 'junit':
      return (await import('./format-junit.js')).formatJunit;
    case 'github':
      return (await import('./format-github.js')).formatGithub;
    case 'gitlab':
      return (await import('./format-gitlab.js')).formatGitlab;
    case 'markdown':
      return (await import('./format-markdown.js')).formatMarkdown;
    case 'html':
      return (await import('./format-html.js')).formatHtml;
    default:
      return (await import('./format-stylish.js')).formatStylish;
  }
}
