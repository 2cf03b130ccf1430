// Cost estimate and doctor (issue 8): estimateCost over generated catalogs of 80, 800 and 8,000 services, and the
// doctor's code scan over 80 services with 10, 40 and 160 files each (about 40 lines a file), on real temp files.
import { buildCatalog, type Catalog } from '@tierdeploy/catalog'
import { DEFAULT_PRICING, estimateCost } from '@tierdeploy/cost'
import { runDoctor } from '@tierdeploy/doctor'
import { generateCatalog, tempDir, writeFiles } from '@tierdeploy/testkit'

const runs = Number(process.env.BENCH_RUNS ?? 9)

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b)
  return s[Math.floor(s.length / 2)]!
}

async function timeMs(fn: () => unknown, n = runs): Promise<number> {
  const samples: number[] = []
  for (let i = 0; i < n + 1; i++) {
    const t0 = process.hrtime.bigint()
    await fn()
    if (i >= 1) samples.push(Number(process.hrtime.bigint() - t0) / 1e6)
  }
  return median(samples)
}

function catalogOf(count: number, root = '/repo'): Catalog {
  const { catalog, problems } = buildCatalog({
    dir: `${root}/catalog`, root,
    services: { file: `${root}/catalog/services.yaml`, text: generateCatalog(count).yaml },
    environments: [{ file: `${root}/catalog/environments/production.yaml`, text: 'name: production\nregion: ca-central-1\nrequireApproval: true\noptionalServices: ["*"]\ndefaults: { desiredCount: 2 }\n' }],
  })
  if (problems.some((p) => p.severity === 'error')) throw new Error(JSON.stringify(problems.slice(0, 3)))
  return catalog!
}

console.log(`median of ${runs} samples\n`)
console.log('| services | estimateCost (production) |')
console.log('| ---: | ---: |')
for (const count of [80, 800, 8000]) {
  const catalog = catalogOf(count)
  const env = catalog.environments.get('production')!
  console.log(`| ${count} | ${(await timeMs(() => estimateCost(catalog, env, DEFAULT_PRICING))).toFixed(2)} ms |`)
}

console.log('\n| services x files | files scanned | runDoctor with code scan | per 1,000 files |')
console.log('| ---: | ---: | ---: | ---: |')
for (const perService of [10, 40, 160]) {
  const t = tempDir('tierdeploy-bench-doctor-')
  try {
    const catalog = catalogOf(80, t.dir)
    const body = Array.from({ length: 40 }, (_, i) => `export const v${i} = process.env.SVC_${String(i % 80).padStart(5, '0')}_SERVICE_URL ?? "http://svc-${String(i).padStart(5, '0')}:3000"`).join('\n')
    const files: Record<string, string> = {}
    for (const s of catalog.services.values()) {
      if (!s.path) continue
      files[`${s.path}/Dockerfile`] = 'FROM node:20\n'
      for (let f = 0; f < perService; f++) files[`${s.path}/src/f${f}.ts`] = body
    }
    writeFiles(t.dir, files)
    let scanned = 0
    const ms = await timeMs(async () => { scanned = (await runDoctor(catalog, { cwd: t.dir })).scanned.files }, 3)
    console.log(`| 80 x ${perService} | ${scanned} | ${ms.toFixed(1)} ms | ${((ms / scanned) * 1000).toFixed(1)} ms |`)
  } finally {
    t.cleanup()
  }
}
