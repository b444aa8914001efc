import { readFileSync, writeFileSync } from 'node:fs';
import { it } from 'vitest';
import { compile } from 'json-schema-to-typescript';
import { compile as liteCompile } from 'json-schema-to-typescript-lite';
import { loadBundle } from '../src/bundle/loadBundle.js';
import { compileBundle } from '../src/compile/compileBundle.js';
import { itemSchemas } from '../src/merge/itemSchemas.js';
import { prepareTypeSchemas } from '../src/codegen/prepareTypeSchemas.js';
it('dump', async () => {
  for (const name of ['newborn', 'business-startup', 'home-transfer']) {
    const loaded = loadBundle(readFileSync(`/work/wt-d/examples/${name}/bundle.yaml`, 'utf8'), { fileName: 'bundle.yaml' });
    const compiled = compileBundle(loaded);
    const p = prepareTypeSchemas({ merged: compiled.form.schema, items: itemSchemas(compiled.bundle), bundleId: compiled.bundle.id });
    const ro = { resolve: { external: false, file: false, http: false } } as never;
    writeFileSync(`/tmp/wtd/${name}.fmt.ts`, await compile(p.schema as never, p.name, { ...p.options, format: true, $refOptions: ro }));
    writeFileSync(`/tmp/wtd/${name}.raw.ts`, await compile(p.schema as never, p.name, { ...p.options, format: false, $refOptions: ro }));
    writeFileSync(`/tmp/wtd/${name}.lite.ts`, await liteCompile(p.schema as never, p.name, { ...p.options, $refOptions: ro, cwd: '/' }));
  }
});
