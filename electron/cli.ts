/**
 * The `byline` command. `byline FILE...` opens the app; `--help` and
 * `--version` answer without a window. (Export joins it with the export issue.)
 */
import { appVersion } from './services/app-paths';
import { startByline } from './launcher';

const HELP = `Usage:
  byline [FILE ...]          open the files in Byline
  byline --version           print the version
  byline --help              show this help
`;

function main(argv: string[]): void {
  if (argv.includes('--help') || argv.includes('-h')) {
    process.stdout.write(HELP);
    return;
  }
  if (argv.includes('--version') || argv.includes('-v')) {
    process.stdout.write(`${appVersion()}\n`);
    return;
  }
  startByline(argv);
}

main(process.argv.slice(2));
