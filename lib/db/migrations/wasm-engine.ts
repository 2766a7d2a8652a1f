import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import type { SqlMigrationAwareDriverAdapterFactory } from "@prisma/driver-adapter-utils";
import { bindMigrationAwareSqlAdapterFactory } from "@prisma/driver-adapter-utils";
import type { SchemaEngine } from "@prisma/schema-engine-wasm";

// Prisma's WebAssembly schema engine, loaded by hand. The package is a bundler-style wasm-bindgen
// build whose entry point imports the .wasm file as an ES module, which plain Node 20 refuses
// without --experimental-wasm-modules. Its `schema_engine_bg` module holds all the JS glue; we
// instantiate the wasm ourselves with that module as its import object, which is what the entry
// point would have done.

export type { SchemaEngine };

const BG_MODULE = "@prisma/schema-engine-wasm/schema_engine_bg";
const WASM_FILE = "schema_engine_bg.wasm";

type SchemaEngineBindings = typeof import("@prisma/schema-engine-wasm/schema_engine_bg");

interface WasmBindgenExports {
  __wbindgen_start(): void;
}

let bindings: Promise<SchemaEngineBindings> | undefined;

/** The schema engine's JS bindings with their wasm instance in place; loaded once per process. */
export function loadSchemaEngine(): Promise<SchemaEngineBindings> {
  bindings ??= instantiate().catch((error: unknown) => {
    bindings = undefined;
    throw new Error(`Cannot load Prisma's WebAssembly schema engine (${BG_MODULE})`, { cause: error });
  });
  return bindings;
}

interface PanicRegistry {
  set_message(message: string): void;
}

// The engine reports a Rust panic through this global just before it traps. The trap happens in a
// detached task, so the call that panicked would never settle; guardPanics() turns the message
// into a rejection instead. A panicked instance is unusable (and the glue caches views of its
// memory, so it cannot be swapped for a new one): later calls fail fast.
const panicListeners = new Set<(message: string) => void>();
let panicMessage: string | undefined;
const panicRegistry: PanicRegistry = {
  set_message(message) {
    panicMessage = message;
    if (panicListeners.size === 0) console.error(`Prisma schema engine panicked: ${message}`);
    for (const listener of panicListeners) listener(message);
  },
};

/** Runs engine calls; if the engine panics meanwhile, rejects with the panic message. */
export async function guardPanics<T>(run: () => Promise<T>): Promise<T> {
  if (panicMessage !== undefined) {
    throw new Error(`Prisma schema engine panicked earlier in this process (${panicMessage}); restart it`);
  }
  // Prisma Client installs its own registry (which throws) when it loads; ours must be in place.
  (globalThis as { PRISMA_WASM_PANIC_REGISTRY?: PanicRegistry }).PRISMA_WASM_PANIC_REGISTRY = panicRegistry;
  let listener: ((message: string) => void) | undefined;
  const panicked = new Promise<never>((_, reject) => {
    listener = (message) => reject(new Error(`Prisma schema engine panicked: ${message}`));
    panicListeners.add(listener);
  });
  try {
    return await Promise.race([run(), panicked]);
  } finally {
    if (listener) panicListeners.delete(listener);
  }
}

async function instantiate(): Promise<SchemaEngineBindings> {
  const gluePath = createRequire(import.meta.url).resolve(BG_MODULE);
  const glue: SchemaEngineBindings = await import(BG_MODULE);
  const bytes = await readFile(path.join(path.dirname(gluePath), WASM_FILE));
  const { instance } = await WebAssembly.instantiate(bytes, { "./schema_engine_bg.js": engineImports(glue) });
  glue.__wbg_set_wasm(instance.exports);
  (instance.exports as unknown as WasmBindgenExports).__wbindgen_start();
  return glue;
}

/**
 * The glue module as the wasm's imports, except that the engine's timers do not keep the process
 * alive: applyMigrations starts a 10 s timer (a timeout around its lock, it seems) that it never
 * clears, so every CLI run and test run would linger for 10 s after its work was done.
 */
function engineImports(glue: SchemaEngineBindings): WebAssembly.ModuleImports {
  const imports: WebAssembly.ModuleImports = { ...glue };
  for (const name of Object.keys(imports).filter((key) => key.startsWith("__wbg_setTimeout_"))) {
    imports[name] = (callback: () => void, delay: number) => setTimeout(callback, delay >>> 0).unref();
  }
  return imports;
}

export interface SchemaFile {
  path: string;
  content: string;
}

export interface OpenSchemaEngineOptions {
  schemaFiles: SchemaFile[];
  adapterFactory: SqlMigrationAwareDriverAdapterFactory;
  /** Receives the engine's JSON log lines; they are dropped by default. */
  onLog?: (line: string) => void;
}

/** Starts a schema engine; it connects to the adapter factory's main database right away. */
export async function openSchemaEngine(options: OpenSchemaEngineOptions): Promise<SchemaEngine> {
  const { SchemaEngine } = await loadSchemaEngine();
  // The engine panics on an empty list; "no schema" is spelled `undefined`.
  const datamodels = options.schemaFiles.length
    ? options.schemaFiles.map((file): [string, string] => [file.path, file.content])
    : undefined;
  const onLog = options.onLog ?? (() => {});
  return SchemaEngine.new(
    { datamodels },
    (line: string) => onLog(line),
    bindMigrationAwareSqlAdapterFactory(options.adapterFactory),
  );
}
