/**
 * Command step: the ids of the commands package.json contributes, in one editor-free place so
 * that a test can hold the manifest and the code to the same list.
 */

/** Command ids, as package.json contributes them. */
export const COMMANDS = {
  checkWorkspace: 'laatuvahti.checkWorkspace',
  showRuleDocumentation: 'laatuvahti.showRuleDocumentation',
  showComplianceReport: 'laatuvahti.showComplianceReport',
  newSelfMonitoringPlan: 'laatuvahti.newSelfMonitoringPlan',
  newServiceDescription: 'laatuvahti.newServiceDescription',
  restartServer: 'laatuvahti.restartServer',
  importPlan: 'laatuvahti.importPlan',
} as const;

/** The status bar item's click: VS Code's own "show Problems" command. */
export const SHOW_PROBLEMS = 'workbench.actions.view.problems';
