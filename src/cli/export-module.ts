import { checkExportRequest, ExportError, type ExportRequest, exportModule } from '../lms/package-module.ts';
import { readArgs } from './read-args.ts';

const HELP_POINTER = 'npm run export -- --help explains every option.';

const USAGE = `Usage: npm run export -- --format scorm12|scorm2004|cmi5 --scenarios id1,id2 --pass 70 --out module.zip
                         [--skip completion|incomplete|failed] [--title "…"] [--description "…"] [--id name]
                         [--org organisation.json] [--replace]

Builds one zip an LMS takes as it is: the player with just these scenarios, and the manifest.

  --format       scorm12, scorm2004 (4th edition) or cmi5: whichever your LMS asks for
  --scenarios    scenario ids (file names in scenarios/), played in this order as one module
  --pass         the pass mark, a whole number from 0 to 100
  --out          the zip to write (its folder must exist; a relative path is from where you run
                 the command). An existing file is not overwritten unless --replace is given
  --replace      write over an existing zip at --out
  --skip         what skipping a scenario counts as (default: completion):
                   completion  a skip is allowed and counts as done; it is left out of the score
                   incomplete  the module is complete only once every scenario has been played
                   failed      a skipped scenario counts as 0 of 100 in the score that passes or fails
  --title        the title in the LMS catalogue (default: the scenarios' titles); clipped to the
                 standard's limit (SCORM: 200 characters); a run of characters XML cannot carry
                 (control characters) becomes one space
  --description  the catalogue description (cmi5; default: the title)
  --id           the course identifier: letters, digits, _ - . (default: from the scenario ids).
                 Keep it the same when you re-export, so the LMS can update the course in place
  --org          the organisation file to pack in: name, logo, colours, where to get help, where
                 Quick exit goes (default: ORGANISATION_FILE, else organisation.json; a relative
                 path is from where you run the command). It is checked as the server checks
                 it; every problem is listed
  --help         this text

Problems with the request are all listed, and nothing is written; so is a manifest that does not
validate against the official schemas.`;

/**
 * `npm run export -- --format … --scenarios … --pass … --out …` (see USAGE): one zip an LMS takes as
 * it is. Exits 1 with every problem named, having written nothing.
 */
async function main() {
  const { values, problems } = readArgs(process.argv.slice(2), {
    options: {
      format: { type: 'string' },
      scenarios: { type: 'string' },
      pass: { type: 'string' },
      skip: { type: 'string' },
      out: { type: 'string' },
      title: { type: 'string' },
      description: { type: 'string' },
      id: { type: 'string' },
      org: { type: 'string' },
      replace: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
    strict: true,
  });
  if (values.help && !problems.length) {
    console.log(USAGE);
    return;
  }
  const { help: _, replace, ...raw } = values as Record<string, string | undefined>;
  let request: ExportRequest;
  try {
    request = checkExportRequest({ ...raw, replace: replace !== undefined }, undefined, problems);
  } catch (error) {
    // Every problem with the request, then where the options are explained (not the whole help).
    if (error instanceof ExportError) throw new ExportError(`${error.message}\n${HELP_POINTER}`);
    throw error;
  }
  const { files, bytes } = await exportModule(request);
  console.log(
    `Wrote ${request.out}: ${request.format}, ${request.scenarios.length} scenario(s), pass mark ${request.pass}%, ${files} files, ${(bytes / 1024).toFixed(0)} KB.`,
  );
}

main().catch((error) => {
  console.error(error instanceof ExportError ? error.message : error);
  process.exit(1);
});
