// Import boundaries between server modules (issue 15, point 2): who may import whom. Kept apart from
// eslint.config.js so the module map and its rules live together; docs/architecture.md explains them.
export default [];
