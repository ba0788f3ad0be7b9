/** The lesson the welcome's "start the first lesson" opens (kept apart so the first screen need not load the catalogue). */
export const FIRST_LESSON_ID = 'why-kubernetes';
