import { PINS } from './pins.js'
import { indent } from './yaml-text.js'

/**
 * Shell shared by the generated workflows' `run:` steps. Inputs reach a script only through `env:`; these two
 * functions are how a script reports: `fail` escapes a message as a workflow-command value (an input holding a
 * newline cannot start a command of its own), `output` writes a value between random delimiters (a value with a
 * newline cannot add outputs).
 */
export const FAIL = `fail() { m=\${1//'%'/%25}; m=\${m//$'\\r'/%0D}; m=\${m//$'\\n'/%0A}; echo "::error title=tierdeploy::$m"; exit 1; }`
export const OUTPUT = `output() { eof="EOF_$(od -An -N12 -tx1 /dev/urandom | tr -d ' \\n')"; printf '%s<<%s\\n%s\\n%s\\n' "$1" "$eof" "$2" "$eof" >> "$GITHUB_OUTPUT"; }`

/** The environment file of the catalog: CATALOG/environments/ENVIRONMENT.yaml (or .yml). */
export const ENVIRONMENT_FILE = `file="$CATALOG/environments/$ENVIRONMENT.yaml"
[ -f "$file" ] || file="$CATALOG/environments/$ENVIRONMENT.yml"
[ -f "$file" ] || fail "unknown environment '$ENVIRONMENT': $CATALOG/environments has no $ENVIRONMENT.yaml"`

/** actions/checkout without persisting the token (no later step pushes); the whole history where a job needs git. */
export function checkout(fetchDepth?: number): string {
  return `- uses: ${PINS.checkout}
  with:
${fetchDepth !== undefined ? `    fetch-depth: ${fetchDepth}\n` : ''}    persist-credentials: false`
}

const resultVariable = (job: string) => `RESULT_${job.toUpperCase().replaceAll('-', '_')}`

/**
 * A summary step's `env:` entries and script: a table of the jobs' results, failing the step when any failed or was
 * cancelled. Results only: toJSON(needs) would carry every job output into one variable (Linux refuses one over
 * 128 KiB). `extraEnv` and `extraCheck` add a condition of the caller's.
 */
export function resultsSummary(title: string, jobs: readonly string[], extra: { env?: string[]; check?: string } = {}): { env: string; run: string } {
  const env = ['ENVIRONMENT: ${{ inputs.environment }}', ...(extra.env ?? []), ...jobs.map((j) => `${resultVariable(j)}: \${{ needs.${j}.result }}`)]
  // The verdict and the failed jobs first; the table of every job after them, collapsed.
  const run = `failed=""
rows=""
for job in ${jobs.join(' ')}; do
  var="RESULT_$(printf '%s' "$job" | tr 'a-z-' 'A-Z_')"
  result="\${!var}"
  rows="$rows| $job | $result |"$'\\n'
  case "$result" in failure|cancelled) failed="$failed $job" ;; esac
done
{
  if [ -n "$failed" ]; then echo "### ${title}: $ENVIRONMENT: ❌ failed:$failed"; else echo "### ${title}: $ENVIRONMENT: ✅ no job failed"; fi
  echo
  for job in $failed; do
    var="RESULT_$(printf '%s' "$job" | tr 'a-z-' 'A-Z_')"
    echo "- **$job**: \${!var} (its log and summary say why)"
  done
  [ -z "$failed" ] || echo
  echo "<details><summary>Every job</summary>"
  echo
  echo "| job | result |"
  echo "|---|---|"
  printf '%s' "$rows"
  echo
  echo "</details>"
} >> "$GITHUB_STEP_SUMMARY"
if [ -n "$failed" ]; then
  echo "::error title=tierdeploy::failed:$failed (see the summary)"
  exit 1
fi${extra.check ? `\n${extra.check}` : ''}`
  return { env: indent(env.join('\n'), 8), run: indent(run, 8) }
}
