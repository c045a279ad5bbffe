import type * as Generated from './generated/rolloutModel.js';

/**
 * TypeScript types of Argo Rollouts' `argoproj.io/v1alpha1` Rollout (v1.9.1): `RolloutModel.Rollout`,
 * `RolloutModel.RolloutSpec`, `RolloutModel.RolloutStatus` and every type they reach, generated
 * from Argo's Go types and CRD (`npm run generate:rollout`; `test/rollout/rolloutModelNamespace.test.ts` keeps
 * this list complete). Kept in a namespace because it holds
 * generic names (`ObjectMeta`, `Container`) for the subset of built-in types a Rollout embeds.
 *
 * @example
 * ```ts
 * const rollout: RolloutModel.Rollout = {
 *   apiVersion: 'argoproj.io/v1alpha1', kind: 'Rollout', metadata: { name: 'web' },
 *   spec: { selector: { matchLabels: { app: 'web' } }, strategy: { canary: { steps: [{ setWeight: 20 }, { pause: {} }] } } },
 * };
 * ```
 * @public
 */
export declare namespace RolloutModel {
  export type Rollout = Generated.Rollout;
  export type ObjectMeta = Generated.ObjectMeta;
  export type RolloutSpec = Generated.RolloutSpec;
  export type RolloutStatus = Generated.RolloutStatus;
  export type OwnerReference = Generated.OwnerReference;
  export type ManagedFieldsEntry = Generated.ManagedFieldsEntry;
  export type LabelSelector = Generated.LabelSelector;
  export type PodTemplateSpec = Generated.PodTemplateSpec;
  export type ObjectRef = Generated.ObjectRef;
  export type RollbackWindowSpec = Generated.RollbackWindowSpec;
  export type RolloutStrategy = Generated.RolloutStrategy;
  export type AnalysisRunStrategy = Generated.AnalysisRunStrategy;
  export type PauseCondition = Generated.PauseCondition;
  export type RolloutCondition = Generated.RolloutCondition;
  export type CanaryStatus = Generated.CanaryStatus;
  export type BlueGreenStatus = Generated.BlueGreenStatus;
  export type ALBStatus = Generated.ALBStatus;
  export type LabelSelectorRequirement = Generated.LabelSelectorRequirement;
  export type PodSpec = Generated.PodSpec;
  export type BlueGreenStrategy = Generated.BlueGreenStrategy;
  export type CanaryStrategy = Generated.CanaryStrategy;
  export type RolloutAnalysisRunStatus = Generated.RolloutAnalysisRunStatus;
  export type TrafficWeights = Generated.TrafficWeights;
  export type StepPluginStatus = Generated.StepPluginStatus;
  export type AwsResourceRef = Generated.AwsResourceRef;
  export type Volume = Generated.Volume;
  export type Container = Generated.Container;
  export type LocalObjectReference = Generated.LocalObjectReference;
  export type RolloutAnalysis = Generated.RolloutAnalysis;
  export type AntiAffinity = Generated.AntiAffinity;
  export type PodTemplateMetadata = Generated.PodTemplateMetadata;
  export type CanaryStep = Generated.CanaryStep;
  export type RolloutTrafficRouting = Generated.RolloutTrafficRouting;
  export type RolloutAnalysisBackground = Generated.RolloutAnalysisBackground;
  export type PingPongSpec = Generated.PingPongSpec;
  export type ReplicaProgressThreshold = Generated.ReplicaProgressThreshold;
  export type WeightDestination = Generated.WeightDestination;
  export type ContainerPort = Generated.ContainerPort;
  export type EnvVar = Generated.EnvVar;
  export type ResourceRequirements = Generated.ResourceRequirements;
  export type VolumeMount = Generated.VolumeMount;
  export type AnalysisTemplateRef = Generated.AnalysisTemplateRef;
  export type AnalysisRunArgument = Generated.AnalysisRunArgument;
  export type DryRun = Generated.DryRun;
  export type MeasurementRetention = Generated.MeasurementRetention;
  export type AnalysisRunMetadata = Generated.AnalysisRunMetadata;
  export type PreferredDuringSchedulingIgnoredDuringExecution = Generated.PreferredDuringSchedulingIgnoredDuringExecution;
  export type RequiredDuringSchedulingIgnoredDuringExecution = Generated.RequiredDuringSchedulingIgnoredDuringExecution;
  export type RolloutPause = Generated.RolloutPause;
  export type RolloutExperimentStep = Generated.RolloutExperimentStep;
  export type SetCanaryScale = Generated.SetCanaryScale;
  export type SetHeaderRoute = Generated.SetHeaderRoute;
  export type SetMirrorRoute = Generated.SetMirrorRoute;
  export type PluginStep = Generated.PluginStep;
  export type IstioTrafficRouting = Generated.IstioTrafficRouting;
  export type NginxTrafficRouting = Generated.NginxTrafficRouting;
  export type ALBTrafficRouting = Generated.ALBTrafficRouting;
  export type SMITrafficRouting = Generated.SMITrafficRouting;
  export type AmbassadorTrafficRouting = Generated.AmbassadorTrafficRouting;
  export type AppMeshTrafficRouting = Generated.AppMeshTrafficRouting;
  export type TraefikTrafficRouting = Generated.TraefikTrafficRouting;
  export type MangedRoutes = Generated.MangedRoutes;
  export type ApisixTrafficRouting = Generated.ApisixTrafficRouting;
  export type ArgumentValueFrom = Generated.ArgumentValueFrom;
  export type RolloutExperimentTemplate = Generated.RolloutExperimentTemplate;
  export type RolloutExperimentStepAnalysisTemplateRef = Generated.RolloutExperimentStepAnalysisTemplateRef;
  export type HeaderRoutingMatch = Generated.HeaderRoutingMatch;
  export type RouteMatch = Generated.RouteMatch;
  export type IstioVirtualService = Generated.IstioVirtualService;
  export type IstioDestinationRule = Generated.IstioDestinationRule;
  export type StickinessConfig = Generated.StickinessConfig;
  export type AppMeshVirtualService = Generated.AppMeshVirtualService;
  export type AppMeshVirtualNodeGroup = Generated.AppMeshVirtualNodeGroup;
  export type ApisixRoute = Generated.ApisixRoute;
  export type FieldRef = Generated.FieldRef;
  export type TemplateService = Generated.TemplateService;
  export type StringMatch = Generated.StringMatch;
  export type TLSRoute = Generated.TLSRoute;
  export type TCPRoute = Generated.TCPRoute;
  export type AppMeshVirtualNodeReference = Generated.AppMeshVirtualNodeReference;
}
