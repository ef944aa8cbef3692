/**
 * Compile every `@example` of the library's documentation against its public API, under the
 * strictest settings a portal would use — from the sources, or from an installed package. An
 * example names what it uses from the package; names it leaves to the reader (`ctx`, `request`,
 * `body`…) are declared with the type a reader has in hand where the name says it, else left open —
 * so a wrong function, argument or type is found.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import ts from "typescript";

const root = new URL("../..", import.meta.url).pathname;

/** The `@example` blocks of a source file, with where each is. */
function examples(file: string): { where: string; code: string }[] {
  const text = readFileSync(file, "utf8");
  const found: { where: string; code: string }[] = [];
  for (const m of text.matchAll(/\/\*\*([\s\S]*?)\*\//g)) {
    const body = (m[1] ?? "")
      .split("\n")
      .map((l) => l.replace(/^\s*\* ?/, ""))
      .join("\n");
    const at = body.indexOf("@example");
    if (at < 0) continue;
    const code = body
      .slice(at + "@example".length)
      .split(/\n@\w/)[0]
      ?.trim();
    const line = text.slice(0, m.index).split("\n").length;
    if (code) found.push({ where: `${file.slice(root.length)}:${line}`, code });
  }
  return found;
}

const sources = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sources(join(dir, e.name)) : e.name.endsWith(".ts") ? [join(dir, e.name)] : [],
  );

/** What a reader has in hand under these names. */
const inHand: Record<string, string> = {
  ctx: "ProgrammeContext",
  store: "ProgrammeStore",
  request: "Request",
  body: "unknown",
  json: "unknown",
  row: "unknown",
  raw: "unknown",
  rowsFromCsv: "unknown[]",
  intake: "IntakeRequest",
  decision: "TriageDecision",
  round: "MatchingRound",
  report: "MonthlyReport",
  monthlyReport: "never",
  profile: "ProgrammeProfile",
  kase: "MentoringCase",
  sessions: "Session[]",
  names: "ReadonlyMap<string, string>",
  team: "ProposedTeam",
  proposal: "MatchingProposal",
  now: "Date",
  caseId: "never",
};

/** Compiler options; `installedIn` resolves the package from a project's node_modules instead of the sources. */
function optionsFor(installedIn?: string): ts.CompilerOptions {
  return {
    strict: true,
    exactOptionalPropertyTypes: true,
    noUncheckedIndexedAccess: true,
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    lib: ["lib.es2022.d.ts", "lib.dom.d.ts"],
    types: ["node"],
    typeRoots: [join(root, "node_modules/@types")],
    skipLibCheck: true,
    noEmit: true,
    ...(installedIn === undefined
      ? {
          baseUrl: root,
          paths: {
            "venture-mentoring": ["./src/index.ts"],
            "venture-mentoring/*": ["./adapters/*/index.ts"],
          },
        }
      : {}),
  };
}

/** Compile the examples as modules; answer the diagnostics of each. */
function compile(files: Map<string, string>, options: ts.CompilerOptions): Map<string, ts.Diagnostic[]> {
  const host = ts.createCompilerHost(options);
  const read = host.readFile.bind(host);
  const exists = host.fileExists.bind(host);
  host.readFile = (f) => files.get(f) ?? read(f);
  host.fileExists = (f) => files.has(f) || exists(f);
  host.getSourceFile = ((orig) => (f, lang, onError) => {
    const text = files.get(f);
    return text === undefined ? orig(f, lang, onError) : ts.createSourceFile(f, text, lang, true);
  })(host.getSourceFile.bind(host));
  const program = ts.createProgram([...files.keys()], options, host);
  const out = new Map<string, ts.Diagnostic[]>();
  for (const f of files.keys()) {
    const sf = program.getSourceFile(f);
    out.set(
      f,
      sf === undefined ? [] : [...program.getSyntacticDiagnostics(sf), ...program.getSemanticDiagnostics(sf)],
    );
  }
  return out;
}

/**
 * The problems of every example (empty when all compile), and how many examples there were. With
 * `installedIn`, the package is the one installed in that project (its types, its exports map).
 */
export function checkExamples(installedIn?: string): { examples: number; problems: string[] } {
  const options = optionsFor(installedIn);
  // The examples live, virtually, where the package resolves: beside the sources, or in the project.
  const dir = installedIn ?? join(root, "test/docs");
  const all = [...sources(join(root, "src")), ...sources(join(root, "adapters"))].flatMap(examples);
  // The package's names, values and types: an example uses them as a reader would import them.
  const probe = join(dir, "__probe.ts");
  const exportsOf = (() => {
    const program = ts.createProgram([probe], options, {
      ...ts.createCompilerHost(options),
      fileExists: (f) => f === probe || ts.sys.fileExists(f),
      readFile: (f) => (f === probe ? 'export * from "venture-mentoring";' : ts.sys.readFile(f)),
      getSourceFile: (f, lang) => {
        const text = f === probe ? 'export * from "venture-mentoring";' : ts.sys.readFile(f);
        return text === undefined ? undefined : ts.createSourceFile(f, text, lang, true);
      },
    });
    const sf = program.getSourceFile(probe);
    const checker = program.getTypeChecker();
    const symbol = sf === undefined ? undefined : checker.getSymbolAtLocation(sf);
    return new Set(symbol === undefined ? [] : checker.getExportsOfModule(symbol).map((s) => s.name));
  })();
  const adapters: Record<string, string> = {
    createMemoryStore: "venture-mentoring/memory",
    createSqliteStore: "venture-mentoring/sqlite",
    createPostgresStore: "venture-mentoring/postgres",
    threadPool: "venture-mentoring/threads",
  };
  const words = (code: string) => new Set(code.match(/[A-Za-z_$][\w$]*/g) ?? []);
  const files = new Map<string, string>();
  const where = new Map<string, string>();
  all.forEach((e, k) => {
    // "…" stands for what the reader fills in.
    const code = e.code.replace(/(?<![\w"'])…(?![\w"'])/g, "");
    const used = words(code);
    // A name the example declares, or uses as a value of its own (an id constructor's name used
    // for an id: \`{ caseId }\`), is the example's; a package name it calls or uses otherwise is imported.
    const fromCore = [...used].filter(
      (w) =>
        exportsOf.has(w) &&
        !new RegExp(`\\b(const|let|function) ${w}\\b`).test(code) &&
        (!/^[a-z]+Id$/.test(w) || new RegExp(`\\b${w}\\(`).test(code)),
    );
    const fromAdapters = [...used].filter((w) => adapters[w] !== undefined);
    const header = [
      fromCore.length > 0 ? `import { ${fromCore.join(", ")} } from "venture-mentoring";` : "",
      ...fromAdapters.map((w) => `import { ${w} } from "${adapters[w]}";`),
      `import type { ${Object.values(inHand)
        .filter((t) => /^[A-Z]/.test(t) && !["Request", "Date", "ReadonlyMap"].some((x) => t.startsWith(x)))
        .map((t) => t.replace("[]", ""))
        .filter((t, i, a) => a.indexOf(t) === i && !fromCore.includes(t))
        .join(", ")} } from "venture-mentoring";`,
    ].join("\n");
    const f = join(dir, `__example_${k}.ts`);
    files.set(f, `${header}\nexport {};\n${code}\n`);
    where.set(f, e.where);
  });
  // Names an example leaves to the reader: declared as the reader has them, else open.
  const first = compile(files, options);
  for (const [f, diags] of first) {
    const missing = new Set(
      diags
        .filter((d) => [2304, 2552, 2582, 2593, 18004].includes(d.code))
        .map((d) => /'([^']+)'/.exec(ts.flattenDiagnosticMessageText(d.messageText, "\n"))?.[1] ?? ""),
    );
    const decls = [...missing]
      .filter((n) => n !== "")
      .map(
        (n) => `declare const ${n}: ${inHand[n] !== undefined && inHand[n] !== "never" ? inHand[n] : "any"};`,
      );
    files.set(f, `${files.get(f)}\n${decls.join("\n")}\n`);
  }
  const problems: string[] = [];
  for (const [f, diags] of compile(files, options))
    for (const d of diags.filter((x) => x.code !== 6133 && x.code !== 6192 && x.code !== 6196))
      problems.push(
        `${where.get(f)}: ${ts.flattenDiagnosticMessageText(d.messageText, " ")}\n${files.get(f)}`,
      );
  return { examples: all.length, problems };
}
