import ApprovalPropertiesProvider from './ApprovalPropertiesProvider';

/** The properties panel's "Approval" group for Baton's signature-authority approvals. */
const approvalModule = {
  __init__: ['batonApprovalPropertiesProvider'],
  batonApprovalPropertiesProvider: ['type', ApprovalPropertiesProvider],
};

export default approvalModule;
