/** Entry point of `npm start [-- FILE ...]`. */
import { startByline } from './launcher';

startByline(process.argv.slice(2));
