// INVOXA auth service (example code for the tierdeploy example catalog).
import { createServer } from 'node:http'

const AUTH_SERVICE_URL = 'self'

createServer((req, res) => {
  if (req.url === '/health') return void res.writeHead(200).end('ok')
  res.writeHead(404).end(JSON.stringify({ service: 'auth', auth: AUTH_SERVICE_URL }))
}).listen(3000)
