export { createNamespaceController, NAMESPACE_CONTROLLER_NAME } from './namespaceController';
