/** Test helper: the real file system, with one atomic-write step made to fail like a bad disk would. */
import { nodeFs, type AtomicWriteFs } from '../../../electron/services/atomic-write';

export const FAULT_STEPS = ['realpath', 'stat', 'open', 'write', 'sync', 'close', 'chmod', 'rename'] as const;
export type FaultStep = (typeof FAULT_STEPS)[number];

export function failing(step: FaultStep, code = 'ENOSPC'): AtomicWriteFs {
  const fail = () => Object.assign(new Error(`${code}: injected`), { code });
  let opens = 0;
  return {
    ...nodeFs,
    realpath: (async (...args: Parameters<typeof nodeFs.realpath>) => {
      if (step === 'realpath') throw fail();
      return nodeFs.realpath(...args);
    }) as AtomicWriteFs['realpath'],
    stat: (async (...args: Parameters<typeof nodeFs.stat>) => {
      if (step === 'stat') throw fail();
      return nodeFs.stat(...args);
    }) as AtomicWriteFs['stat'],
    open: (async (...args: Parameters<typeof nodeFs.open>) => {
      if (step === 'open') throw fail();
      const handle = await nodeFs.open(...args);
      // Only the first open is the temp file; later ones are the folder's fsync.
      if (opens++ > 0) return handle;
      if (step === 'write') handle.writeFile = async () => { throw fail(); };
      if (step === 'sync') handle.sync = async () => { throw fail(); };
      if (step === 'close') {
        const close = handle.close.bind(handle);
        handle.close = async () => {
          await close();
          throw fail();
        };
      }
      return handle;
    }) as AtomicWriteFs['open'],
    rename: (async (...args: Parameters<typeof nodeFs.rename>) => {
      if (step === 'rename') throw fail();
      return nodeFs.rename(...args);
    }) as AtomicWriteFs['rename'],
    chmod: (async (...args: Parameters<typeof nodeFs.chmod>) => {
      if (step === 'chmod') throw fail();
      return nodeFs.chmod(...args);
    }) as AtomicWriteFs['chmod'],
  };
}
