// The people of the test and demo registers, one per role.
export const OWNER = 'owner@example.com';
export const ADMIN = 'admin@example.com';
export const MANAGER = 'manager@example.com';
export const CLERK = 'clerk@example.com';
export const VIEWER = 'viewer@example.com';
export const STRANGER = 'stranger@example.org';
export const TEAM = [ADMIN, MANAGER, CLERK, VIEWER];
