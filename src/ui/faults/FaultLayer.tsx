import './faults.css';
import { FailurePanel } from './FailurePanel';
import { FaultContextMenu } from './FaultContextMenu';

/** Everything of failure injection that floats over the app: the panel and the right-click menu. */
export function FaultLayer() {
  return (
    <>
      <FailurePanel />
      <FaultContextMenu />
    </>
  );
}
