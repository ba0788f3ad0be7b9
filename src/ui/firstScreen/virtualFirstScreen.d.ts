declare module 'virtual:first-screen' {
  import type { FirstScreenSnapshot } from './paintFirstScreen';

  const snapshot: FirstScreenSnapshot;
  export default snapshot;
}
