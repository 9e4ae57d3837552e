// The registry: every rule, imported explicitly and kept in alphabetical order (checked by test/unit/registry.test.ts).

import type { Rule } from './rule';
import businessOwnerRequired from './business-owner-required';
import championRequired from './champion-required';
import cioDayToDay from './cio-day-to-day';
import cioInSelection from './cio-in-selection';
import complianceByManagers from './compliance-by-managers';
import config from './config';
import dataMigrationNeedsBusiness from './data-migration-needs-business';
import dataMigrationNeedsIt from './data-migration-needs-it';
import environmentsNeedIt from './environments-need-it';
import fullSupportIsRare from './full-support-is-rare';
import inHouseProgrammers from './in-house-programmers';
import inHouseSupport from './in-house-support';
import installationAssistance from './installation-assistance';
import installationNeedsIt from './installation-needs-it';
import integrationNeedsIt from './integration-needs-it';
import integratorNotDecider from './integrator-not-decider';
import integratorSelectionNeedsItOwner from './integrator-selection-needs-it-owner';
import itMustNotLead from './it-must-not-lead';
import itOwnerFullTime from './it-owner-full-time';
import itOwnerInReferenceChecks from './it-owner-in-reference-checks';
import itOwnerInternal from './it-owner-internal';
import itOwnerNotBusinessOwner from './it-owner-not-business-owner';
import itOwnerRequired from './it-owner-required';
import itOwnerStaysInvolved from './it-owner-stays-involved';
import loadTestingOwner from './load-testing-owner';
import overAllocated from './over-allocated';
import overAllocatedAcrossPlans from './over-allocated-across-plans';
import personConflict from './person-conflict';
import postRolloutVision from './post-rollout-vision';
import requirementsNeedIt from './requirements-need-it';
import rolloutSupportCapacity from './rollout-support-capacity';
import schema from './schema';
import selectionIncludesIt from './selection-includes-it';
import selectionLedByBusiness from './selection-led-by-business';
import superUsersWriteUseCases from './super-users-write-use-cases';
import supportPlanRequired from './support-plan-required';
import technicalStaffCoverage from './technical-staff-coverage';
import trainingByJobExperts from './training-by-job-experts';
import unknownPerson from './unknown-person';
import unusedPerson from './unused-person';
import unusedSuppression from './unused-suppression';
import vendorTeam from './vendor-team';
import yamlSyntax from './yaml-syntax';

export const RULES: readonly Rule[] = [
  businessOwnerRequired,
  championRequired,
  cioDayToDay,
  cioInSelection,
  complianceByManagers,
  config,
  dataMigrationNeedsBusiness,
  dataMigrationNeedsIt,
  environmentsNeedIt,
  fullSupportIsRare,
  inHouseProgrammers,
  inHouseSupport,
  installationAssistance,
  installationNeedsIt,
  integrationNeedsIt,
  integratorNotDecider,
  integratorSelectionNeedsItOwner,
  itMustNotLead,
  itOwnerFullTime,
  itOwnerInReferenceChecks,
  itOwnerInternal,
  itOwnerNotBusinessOwner,
  itOwnerRequired,
  itOwnerStaysInvolved,
  loadTestingOwner,
  overAllocated,
  overAllocatedAcrossPlans,
  personConflict,
  postRolloutVision,
  requirementsNeedIt,
  rolloutSupportCapacity,
  schema,
  selectionIncludesIt,
  selectionLedByBusiness,
  superUsersWriteUseCases,
  supportPlanRequired,
  technicalStaffCoverage,
  trainingByJobExperts,
  unknownPerson,
  unusedPerson,
  unusedSuppression,
  vendorTeam,
  yamlSyntax,
];

export const RULES_BY_ID: ReadonlyMap<string, Rule> = new Map(RULES.map((rule) => [rule.meta.id, rule]));
