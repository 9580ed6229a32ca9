// vite build empties dist/; put back the committed placeholder that go:embed needs in a
// fresh clone before the frontend is built.
import { writeFileSync } from 'node:fs';
writeFileSync(new URL('../dist/.keep', import.meta.url), 'placeholder so go:embed finds the folder before the frontend is built\n');
