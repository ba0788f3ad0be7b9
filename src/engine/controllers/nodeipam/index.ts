export { createNodeIpamController, NODE_IPAM_CONTROLLER_NAME, CLUSTER_CIDR, NODE_CIDR_MASK_SIZE } from './nodeIpamController';
export { CidrSet } from './cidrSet';
