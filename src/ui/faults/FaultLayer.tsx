import './faults.css';
import { FaultContextMenu } from './FaultContextMenu';
import { DeploymentMenu } from '../deployment/DeploymentMenu';

/** What of failure injection floats over the app: the right-click menu (the panel is docked in the workspace). */
export function FaultLayer() {
  return (
    <>
      <FaultContextMenu />
      <DeploymentMenu />
    </>
  );
}
