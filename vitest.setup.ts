// One place sets the GITHUB_* variables that @actions/core and @actions/github read, so no test depends on
// the developer's shell or on running inside GitHub Actions.
process.env.GITHUB_REPOSITORY ??= 'acme/platform'
process.env.GITHUB_SERVER_URL ??= 'https://github.com'
process.env.GITHUB_RUN_ID ??= '1'
process.env.GITHUB_SHA ??= '0123456789abcdef0123456789abcdef01234567'
// No test may reach AWS: credentials are fake and every client is pointed at 127.0.0.1 or mocked.
process.env.AWS_ACCESS_KEY_ID = 'AKIATESTTESTTESTTEST'
process.env.AWS_SECRET_ACCESS_KEY = 'test-secret'
process.env.AWS_REGION ??= 'ca-central-1'
delete process.env.AWS_PROFILE
// The CLI keeps validated catalogs in a cache; spawned CLI processes in tests use a throwaway one.
process.env.TIERDEPLOY_CACHE_DIR ??= `${process.env.TMPDIR ?? '/tmp'}/tierdeploy-test-cache-${process.pid}`
