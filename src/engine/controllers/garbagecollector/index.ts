export { createGarbageCollector, GARBAGE_COLLECTOR_CONTROLLER_NAME, FOREGROUND_FINALIZER, ORPHAN_FINALIZER } from './garbageCollector';
