import '@testing-library/jest-dom/vitest';

// The real app runs with Tauri's freezePrototype: catch libraries that would break.
Object.freeze(Object.prototype);
