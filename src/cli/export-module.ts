import { parseArgs } from 'node:util';
import { checkExportRequest, ExportError, exportModule } from '../lms/package-module.ts';

/**
 * `npm run export -- --format scorm12|scorm2004|cmi5 --scenarios id1,id2 --pass 70 [--skip completion|incomplete|failed] --out module.zip`:
 * one zip an LMS takes as it is. Problems with the request are listed, and nothing is written.
 */
async function main() {
  let values: Record<string, string | undefined>;
  try {
    ({ values } = parseArgs({
      options: {
        format: { type: 'string' },
        scenarios: { type: 'string' },
        pass: { type: 'string' },
        skip: { type: 'string' },
        out: { type: 'string' },
      },
      strict: true,
    }));
  } catch (error) {
    throw new ExportError(
      `${(error as Error).message}\nUsage: npm run export -- --format scorm12|scorm2004|cmi5 --scenarios id1,id2 --pass 70 [--skip completion|incomplete|failed] --out module.zip`,
    );
  }
  const request = checkExportRequest(values);
  const { files, bytes } = await exportModule(request);
  console.log(
    `Wrote ${request.out}: ${request.format}, ${request.scenarios.length} scenario(s), pass mark ${request.pass}%, ${files} files, ${(bytes / 1024).toFixed(0)} KB.`,
  );
}

main().catch((error) => {
  console.error(error instanceof ExportError ? error.message : error);
  process.exit(1);
});
