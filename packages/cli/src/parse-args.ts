/**
 * CLI, first step: argv -> a command with validated flags. Hand-written (no dependency) so
 * that every mistake gets a precise message and exit code 2, and `--no-color` works on Node 20.
 */

/** The commands. */
export const COMMANDS = ['check', 'rules', 'explain', 'init', 'import', 'test-rules'] as const;
export type CommandName = (typeof COMMANDS)[number];

export const FORMATS = ['stylish', 'json', 'sarif', 'junit', 'github', 'gitlab', 'markdown', 'html'] as const;
export type FormatName = (typeof FORMATS)[number];

const LOCALE_VALUES = ['fi', 'sv', 'en'] as const;
const KIND_VALUES = ['SelfMonitoringPlan', 'ServiceDescription'] as const;

interface FlagSpec {
  name: string;
  short?: string;
  /** Takes a value (`--name value` / `--name=value`); otherwise a switch. */
  value?: string;
  values?: readonly string[];
  /** May be given more than once; every value is kept. */
  repeatable?: true;
  help: string;
}

const F = {
  format: {
    name: 'format',
    short: 'f',
    value: 'NAME[:FILE]',
    repeatable: true,
    help: 'stylish (default), json, sarif, junit, github, gitlab, markdown, html; NAME:FILE: one more report, to FILE',
  },
  output: { name: 'output', short: 'o', value: 'FILE', help: 'write the report to FILE instead of stdout' },
  today: { name: 'today', value: 'YYYY-MM-DD', help: 'the date rules compare with (default: today, UTC)' },
  locale: { name: 'locale', value: 'fi|sv|en', values: LOCALE_VALUES, help: 'language of messages (default: config, else en)' },
  config: { name: 'config', short: 'c', value: 'FILE', help: 'use this config file (and what it extends) instead of the cascade of laatuvahti.config.yaml' },
  maxWarnings: { name: 'max-warnings', value: 'N', help: 'exit 1 when there are more than N warnings' },
  quiet: { name: 'quiet', short: 'q', help: 'report errors only (warnings are neither shown nor counted)' },
  baseline: { name: 'baseline', value: 'FILE', help: 'findings recorded in FILE do not fail the run; new ones do' },
  stdinFilename: { name: 'stdin-filename', value: 'PATH', help: 'with "-": report the plan on stdin as PATH, with the config of PATH' },
  updateBaseline: { name: 'update-baseline', help: 'write the findings of this run to the --baseline FILE' },
  fix: { name: 'fix', help: 'correct misspelt keys and values in the files ("did you mean"), then report what remains' },
  fixDryRun: { name: 'fix-dry-run', help: 'show what --fix would correct (a diff on stderr; "output" in json) and write nothing' },
  staged: { name: 'staged', help: 'check the staged version of each plan (git index), for a pre-commit hook' },
  ignorePattern: { name: 'ignore-pattern', value: 'GLOB', repeatable: true, help: 'leave out files matching GLOB (.gitignore syntax, relative to the working folder; repeatable)' },
  noGitignore: { name: 'no-gitignore', help: 'check files that .gitignore files leave out' },
  noIgnore: { name: 'no-ignore', help: 'use no ignore pattern at all (.gitignore, config ignores, --ignore-pattern)' },
  printConfig: { name: 'print-config', value: 'FILE', help: 'print the configuration merged for FILE as YAML, and check nothing' },
  color: { name: 'color', help: 'force colours in stylish output (also: FORCE_COLOR=1)' },
  noColor: { name: 'no-color', help: 'no colours (also: NO_COLOR=1)' },
  kind: { name: 'kind', value: 'KIND', values: KIND_VALUES, help: 'SelfMonitoringPlan (default) or ServiceDescription' },
  language: { name: 'language', value: 'fi|sv|en', values: LOCALE_VALUES, help: 'language of the plan and its comments (default fi)' },
  update: { name: 'update', short: 'u', help: 'write the snapshots of invalid cases that are missing or differ' },
  draft: { name: 'output', short: 'o', value: 'FILE', help: 'write the draft to FILE (default: next to the source, as .yaml)' },
  force: { name: 'force', help: 'overwrite the draft file if it exists' },
  importKind: { name: 'kind', value: 'KIND', values: KIND_VALUES, help: 'SelfMonitoringPlan or ServiceDescription (default: told by the headings)' },
  importLanguage: { name: 'language', value: 'fi|sv|en', values: LOCALE_VALUES, help: 'language of the document (default: told by its text)' },
  help: { name: 'help', short: 'h', help: 'show this help' },
} satisfies Record<string, FlagSpec>;

const COMMAND_FLAGS: Record<CommandName, FlagSpec[]> = {
  check: [F.format, F.output, F.today, F.locale, F.config, F.maxWarnings, F.quiet, F.fix, F.fixDryRun, F.baseline, F.updateBaseline, F.stdinFilename, F.staged, F.ignorePattern, F.noGitignore, F.noIgnore, F.printConfig, F.color, F.noColor, F.help],
  rules: [F.locale, F.config, F.help],
  explain: [F.locale, F.config, F.help],
  init: [F.kind, F.language, F.today, F.help],
  import: [F.draft, F.force, F.importKind, F.importLanguage, F.today, F.locale, F.config, F.maxWarnings, F.color, F.noColor, F.help],
  'test-rules': [F.update, F.help],
};

const COMMAND_SYNOPSIS: Record<CommandName, { args: string; help: string }> = {
  check: { args: '[paths...]', help: 'check plan files, folders (recursively) and globs (default: .; "-" = stdin)' },
  rules: { args: '', help: 'list the rules with default severity, kinds and source' },
  explain: { args: '<rule-id>', help: "show a rule's documentation" },
  init: { args: '[FILE]', help: 'write a commented skeleton plan (never overwrites; FILE "-" = stdout)' },
  import: { args: '<FILE>', help: 'turn a plan in .docx, .md or .txt into a YAML draft, then check it' },
  'test-rules': { args: '<folder>...', help: "run rule folders' own cases (valid/, invalid/ with snapshots, README examples)" },
};

/** A command line that cannot be run as given (exit code 2). */
export class UsageError extends Error {
  constructor(
    message: string,
    /** The command whose usage to show, if known. */
    readonly command?: CommandName,
    /** An unknown word and the words it may be a typo of, for a "did you mean". */
    readonly unknown?: { word: string; candidates: string[] },
  ) {
    super(message);
  }
}

/** Validated options of all commands (each command reads its own). */
export interface CliOptions {
  /** The report for stdout (or `--output`). */
  format: FormatName;
  output?: string;
  /** More reports, each written to its file (`--format NAME:FILE`). */
  reports: { format: FormatName; file: string }[];
  today?: string;
  locale?: 'fi' | 'sv' | 'en';
  config?: string;
  /** -1: no limit. */
  maxWarnings: number;
  quiet: boolean;
  /** check: the baseline file. */
  baseline?: string;
  /** check: write this run's findings to the baseline file. */
  updateBaseline: boolean;
  /** check: apply the automatic fixes (core's `applyFixes`) to the files before reporting. */
  fix: boolean;
  /** check, with the path "-": the file the plan read from stdin stands for. */
  stdinFilename?: string;
  /** check: compute the fixes of `--fix` and show them, writing nothing. */
  fixDryRun: boolean;
  /** check: the staged versions of the plans (git's index) instead of the files. */
  staged: boolean;
  /** check: `--ignore-pattern` values (gitignore syntax, relative to the working folder). */
  ignorePatterns: string[];
  /** check: respect .gitignore files (default true; `--no-gitignore`). */
  gitignore: boolean;
  /** check: respect every ignore pattern (default true; `--no-ignore`). */
  ignore: boolean;
  /** check: print the merged configuration of this file instead of checking. */
  printConfig?: string;
  /** undefined: decide by the terminal. */
  color?: boolean;
  /** test-rules: write snapshots that are missing or differ. */
  update: boolean;
  /** import: overwrite an existing draft file. */
  force?: boolean;
  /** import: the kind and language given on the command line (otherwise told by the document). */
  importKind?: 'SelfMonitoringPlan' | 'ServiceDescription';
  importLanguage?: 'fi' | 'sv' | 'en';
  kind: 'SelfMonitoringPlan' | 'ServiceDescription';
  language: 'fi' | 'sv' | 'en';
}

/** What to do. */
export type ParsedCommand =
  | { command: 'help'; topic?: CommandName }
  | { command: 'version' }
  | { command: CommandName; positionals: string[]; options: CliOptions };

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

function isRealDate(s: string): boolean {
  const m = DATE_RE.exec(s);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.toISOString().slice(0, 10) === s;
}

/** Parses `argv` (without node and the script). Throws `UsageError`. */
export function parseArgs(argv: readonly string[]): ParsedCommand {
  const first = argv[0];
  if (first === undefined || first === '--help' || first === '-h' || first === 'help') {
    const topic = first === 'help' ? argv[1] : undefined;
    return topic && (COMMANDS as readonly string[]).includes(topic) ? { command: 'help', topic: topic as CommandName } : { command: 'help' };
  }
  if (first === '--version' || first === '-v') return { command: 'version' };
  if (first.startsWith('-')) throw new UsageError(`Unknown option "${first}": a command comes first (${COMMANDS.join(', ')}).`, undefined, { word: first, candidates: ['--help', '--version'] });
  if (!(COMMANDS as readonly string[]).includes(first)) {
    throw new UsageError(`Unknown command "${first}".`, undefined, { word: first, candidates: [...COMMANDS] });
  }
  const command = first as CommandName;
  const specs = COMMAND_FLAGS[command];
  const values = new Map<string, string | true>();
  const repeated = new Map<string, string[]>();
  const positionals: string[] = [];

  for (let i = 1; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--') {
      positionals.push(...argv.slice(i + 1));
      break;
    }
    if (arg === '-' || !arg.startsWith('-')) {
      positionals.push(arg);
      continue;
    }
    const long = arg.startsWith('--');
    const eq = long ? arg.indexOf('=') : -1;
    const name = long ? arg.slice(2, eq === -1 ? undefined : eq) : arg.slice(1);
    const spec = specs.find((s) => (long ? s.name === name : s.short === name));
    if (!spec) {
      const known = specs.flatMap((s) => [`--${s.name}`, ...(s.short ? [`-${s.short}`] : [])]);
      throw new UsageError(`Unknown option "${long ? `--${name}` : arg}" for "${command}".`, command, { word: long ? `--${name}` : arg, candidates: known });
    }
    let value: string | true = true;
    if (spec.value) {
      if (eq !== -1) value = arg.slice(eq + 1);
      else if (i + 1 < argv.length) value = argv[++i]!;
      else throw new UsageError(`Option "--${spec.name}" needs a value (${spec.value}).`, command);
    } else if (eq !== -1) {
      throw new UsageError(`Option "--${spec.name}" takes no value.`, command);
    }
    if (typeof value === 'string' && spec.values && !spec.values.includes(value)) {
      throw new UsageError(`Invalid value "${value}" for "--${spec.name}": use ${spec.values.join(', ')}.`, command, { word: value, candidates: [...spec.values] });
    }
    values.set(spec.name, value);
    if (spec.repeatable && typeof value === 'string') repeated.set(spec.name, [...(repeated.get(spec.name) ?? []), value]);
  }

  if (values.has('help')) return { command: 'help', topic: command };
  const str = (n: string) => {
    const v = values.get(n);
    return typeof v === 'string' ? v : undefined;
  };

  const today = str('today');
  if (today !== undefined && !isRealDate(today)) throw new UsageError(`Invalid date "${today}" for "--today": use YYYY-MM-DD.`, command);
  let maxWarnings = -1;
  const mw = str('max-warnings');
  if (mw !== undefined) {
    if (!/^-?\d+$/.test(mw) || Number(mw) < -1) throw new UsageError(`Invalid number "${mw}" for "--max-warnings": use a whole number (0 or more; -1 for no limit).`, command);
    maxWarnings = Number(mw);
  }
  for (const [flag, what] of [['output', 'a file name'], ['config', 'a file name'], ['baseline', 'a file name'], ['stdin-filename', 'a file name'], ['print-config', 'a file name']] as const) {
    if (str(flag) === '') throw new UsageError(`Option "--${flag}" needs ${what}.`, command);
  }
  const formats = parseFormats(repeated.get('format') ?? [], command);
  if (formats.files.some((f) => f.file === str('output'))) throw new UsageError(`Two reports would be written to "${str('output')}".`, command);
  if (values.has('color') && values.has('no-color')) throw new UsageError('Use either "--color" or "--no-color".', command);
  if (values.has('update-baseline') && !values.has('baseline')) throw new UsageError('"--update-baseline" writes the file given with "--baseline FILE".', command);
  if (command === 'check' && positionals.includes('-') && positionals.length > 1) throw new UsageError('"-" (a plan read from stdin) cannot be combined with other paths.', command);
  if (values.has('fix') && positionals.includes('-')) throw new UsageError('"--fix" corrects files; a plan read from stdin ("-") has none to write to.', command);
  if (values.has('fix') && values.has('fix-dry-run')) throw new UsageError('Use either "--fix" (write the corrections) or "--fix-dry-run" (only show them).', command);
  if (values.has('staged') && positionals.includes('-')) throw new UsageError('"--staged" reads the plans from git\'s index; it cannot be combined with "-" (stdin).', command);
  if (values.has('staged') && values.has('fix')) throw new UsageError('"--fix" corrects files, and "--staged" checks what is in git\'s index, not the files: use "--fix-dry-run" to see the corrections.', command);
  if (repeated.get('ignore-pattern')?.includes('')) throw new UsageError('Option "--ignore-pattern" needs a pattern.', command);
  if (values.has('print-config') && positionals.length > 0) throw new UsageError(`"--print-config FILE" prints the configuration of one file and checks nothing; remove "${positionals[0]}".`, command);
  if (values.has('stdin-filename') && !(command === 'check' && positionals[0] === '-')) throw new UsageError('"--stdin-filename" names the plan read from stdin: give the path "-" too.', command);
  if (command === 'explain' && positionals.length !== 1) throw new UsageError('"explain" takes exactly one rule id.', command);
  if (command === 'import' && positionals.length !== 1) throw new UsageError('"import" takes exactly one file: a plan as .docx, .md or .txt.', command);
  if (command === 'test-rules' && positionals.length === 0) throw new UsageError('"test-rules" needs at least one rules folder (a folder of <rule-id>/rule.yaml).', command);
  if ((command === 'rules' && positionals.length > 0) || (command === 'init' && positionals.length > 1)) {
    throw new UsageError(`Unexpected argument "${positionals[command === 'init' ? 1 : 0]}" for "${command}".`, command);
  }

  const options: CliOptions = {
    format: formats.main,
    reports: formats.files,
    maxWarnings,
    quiet: values.has('quiet'),
    updateBaseline: values.has('update-baseline'),
    fix: values.has('fix'),
    fixDryRun: values.has('fix-dry-run'),
    staged: values.has('staged'),
    ignorePatterns: repeated.get('ignore-pattern') ?? [],
    gitignore: !values.has('no-gitignore'),
    ignore: !values.has('no-ignore'),
    update: values.has('update'),
    ...(values.has('force') ? { force: true } : {}),
    ...(command === 'import' && str('kind') !== undefined ? { importKind: str('kind') as CliOptions['importKind'] } : {}),
    ...(command === 'import' && str('language') !== undefined ? { importLanguage: str('language') as CliOptions['importLanguage'] } : {}),
    kind: (str('kind') as CliOptions['kind'] | undefined) ?? 'SelfMonitoringPlan',
    language: (str('language') as CliOptions['language'] | undefined) ?? 'fi',
    ...(str('output') !== undefined ? { output: str('output') } : {}),
    ...(today !== undefined ? { today } : {}),
    ...(str('locale') !== undefined ? { locale: str('locale') as CliOptions['locale'] } : {}),
    ...(str('config') !== undefined ? { config: str('config') } : {}),
    ...(str('baseline') !== undefined ? { baseline: str('baseline') } : {}),
    ...(str('stdin-filename') !== undefined ? { stdinFilename: str('stdin-filename') } : {}),
    ...(str('print-config') !== undefined ? { printConfig: str('print-config') } : {}),
    ...(values.has('color') ? { color: true } : values.has('no-color') ? { color: false } : {}),
  };
  return { command, positionals, options };
}

/** A usual file name extension per report format, for examples in messages. */
const EXTENSIONS: Record<FormatName, string> = { stylish: 'txt', json: 'json', sarif: 'sarif', junit: 'xml', github: 'txt', gitlab: 'json', markdown: 'md', html: 'html' };

/**
 * `--format` values: `NAME` (the report for stdout or `--output`; at most one, default stylish)
 * and `NAME:FILE` (that report written to FILE as well), split at the first colon, so that a
 * Windows path (`sarif:C:\out.sarif`) stays whole.
 */
function parseFormats(given: readonly string[], command: CommandName): { main: FormatName; files: { format: FormatName; file: string }[] } {
  let main: FormatName | undefined;
  const files: { format: FormatName; file: string }[] = [];
  for (const value of given) {
    const colon = value.indexOf(':');
    const name = colon === -1 ? value : value.slice(0, colon);
    if (!(FORMATS as readonly string[]).includes(name)) {
      throw new UsageError(`Invalid value "${name}" for "--format": use ${FORMATS.join(', ')}.`, command, { word: name, candidates: [...FORMATS] });
    }
    if (colon === -1) {
      if (main !== undefined) throw new UsageError(`Only one "--format" goes to stdout (${main}, ${name}): write the others to files, e.g. "--format ${name}:laatuvahti.${EXTENSIONS[name as FormatName]}".`, command);
      main = name as FormatName;
      continue;
    }
    const file = value.slice(colon + 1);
    if (file === '') throw new UsageError(`"--format ${name}:" needs a file name after the colon.`, command);
    if (files.some((f) => f.file === file)) throw new UsageError(`Two reports would be written to "${file}".`, command);
    files.push({ format: name as FormatName, file });
  }
  return { main: main ?? 'stylish', files };
}

/** The help text: all commands, or one command with its options. */
export function usage(command?: CommandName): string {
  if (!command) {
    const rows = COMMANDS.map((c) => `  ${`${c} ${COMMAND_SYNOPSIS[c].args}`.padEnd(24)}${COMMAND_SYNOPSIS[c].help}`);
    return [
      'Usage: laatuvahti <command> [options]',
      '',
      'Commands:',
      ...rows,
      '',
      'Run "laatuvahti <command> --help" for its options; "laatuvahti --version" for the version.',
      'Exit codes: 0 no errors (and warnings within --max-warnings), 1 findings, 2 the check could not run.',
      '',
    ].join('\n');
  }
  const rows = COMMAND_FLAGS[command].map((s) => {
    const names = `${s.short ? `-${s.short}, ` : '    '}--${s.name}${s.value ? ` ${s.value}` : ''}`;
    return `  ${names.padEnd(30)}${s.help}`;
  });
  return [`Usage: laatuvahti ${command} ${COMMAND_SYNOPSIS[command].args}`.trimEnd(), '', `  ${COMMAND_SYNOPSIS[command].help}`, '', 'Options:', ...rows, ''].join('\n');
}
