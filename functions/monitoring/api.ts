/**
 * One Lambda function serves every monitoring route: a function per route would put the stateless
 * stack over CloudFormation's 500-resource limit. It dispatches on the API Gateway route key to the
 * thin per-route handlers (one file each, `apiHandler(contract, …)`), so role checks, parsing and the
 * error mapping stay per route.
 */
import { dispatchByRoute, type AreaRoutes } from '../../shared/http/route-dispatch.ts';
import * as monitoring from '../../shared/contracts/monitoring.ts';
import * as assistance from '../../shared/contracts/monitoring-assistance.ts';
import * as householdFile from '../../shared/contracts/household-file.ts';
import { handler as createMonitoringLead } from './create-monitoring-lead.ts';
import { handler as listMonitoringLeads } from './list-monitoring-leads.ts';
import { handler as openIdentification } from './open-identification.ts';
import { handler as listMonitoringProcedures } from './list-monitoring-procedures.ts';
import { handler as getMonitoringProcedure } from './get-monitoring-procedure.ts';
import { handler as recordMonitoringVerification } from './record-monitoring-verification.ts';
import { handler as requestAssetChecks } from './request-asset-checks.ts';
import { handler as listAssetChecks } from './list-asset-checks.ts';
import { handler as getAssetCheck } from './get-asset-check.ts';
import { handler as answerAssetCheck } from './answer-asset-check.ts';
import { handler as recordMonitoringDeliberation } from './record-monitoring-deliberation.ts';
import { handler as recordMonitoringNotice } from './record-monitoring-notice.ts';
import { handler as recordMonitoringTownReview } from './record-monitoring-town-review.ts';
import { handler as recordMonitoringCountyApproval } from './record-monitoring-county-approval.ts';
import { handler as proposeElimination } from './propose-elimination.ts';
import { handler as proposeRollback } from './propose-rollback.ts';
import { handler as proposeRemoval } from './propose-removal.ts';
import { handler as getHouseholdMonitoring } from './get-household-monitoring.ts';
import { handler as setMonitoringContact } from './set-monitoring-contact.ts';
import { handler as addAssistanceMeasure } from './add-assistance-measure.ts';
import { handler as updateAssistanceMeasure } from './update-assistance-measure.ts';
import { handler as addAssistanceAssessment } from './add-assistance-assessment.ts';
import { handler as recordMonitoringIncome } from './record-monitoring-income.ts';
import { handler as getHouseholdFile } from './get-household-file.ts';
import { handler as printHouseholdFile } from './print-household-file.ts';

const ROUTES: AreaRoutes = [
  [monitoring.createLead, createMonitoringLead],
  [monitoring.listLeads, listMonitoringLeads],
  [monitoring.openIdentification, openIdentification],
  [monitoring.listProcedures, listMonitoringProcedures],
  [monitoring.getProcedure, getMonitoringProcedure],
  [monitoring.recordVerification, recordMonitoringVerification],
  [monitoring.requestAssetChecks, requestAssetChecks],
  [monitoring.listAssetChecks, listAssetChecks],
  [monitoring.getAssetCheck, getAssetCheck],
  [monitoring.answerAssetCheck, answerAssetCheck],
  [monitoring.recordDeliberation, recordMonitoringDeliberation],
  [monitoring.recordNotice, recordMonitoringNotice],
  [monitoring.recordTownReview, recordMonitoringTownReview],
  [monitoring.recordCountyApproval, recordMonitoringCountyApproval],
  [monitoring.proposeElimination, proposeElimination],
  [monitoring.proposeRollback, proposeRollback],
  [monitoring.proposeRemoval, proposeRemoval],
  [assistance.getHouseholdMonitoring, getHouseholdMonitoring],
  [assistance.setContact, setMonitoringContact],
  [assistance.addMeasure, addAssistanceMeasure],
  [assistance.updateMeasure, updateAssistanceMeasure],
  [assistance.addAssessment, addAssistanceAssessment],
  [assistance.recordIncome, recordMonitoringIncome],
  [householdFile.getHouseholdFile, getHouseholdFile],
  [householdFile.printHouseholdFile, printHouseholdFile],
];

export const handler = dispatchByRoute(ROUTES);
