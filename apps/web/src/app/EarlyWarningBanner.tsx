// Placeholder while the early-warning banner is being built in this session; replaced by its owner.
export const EarlyWarningBanner = () => null;
