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
