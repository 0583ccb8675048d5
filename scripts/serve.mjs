// Serves a folder on 127.0.0.1 (default dist/ on port 8080) until stopped.
import { serve } from '../tests/e2e/harness.mjs';

const [dir = 'dist', port = '8080'] = process.argv.slice(2);
const { url } = await serve(dir, Number(port));
console.log(`serving ${dir} at ${url}`);
