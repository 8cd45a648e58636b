package io.zonebridge.app.config;

import io.zonebridge.app.ec2.Ec2Settings;
import java.util.Map;

/**
 * The whole zonebridge configuration ({@code config/zonebridge.yaml}), validated.
 *
 * @param route53   how Route 53 is reached
 * @param safety    safety limits for plans
 * @param tsigKeys  TSIG keys by name (secrets masked in toString)
 * @param secondary Route 53 as a secondary
 * @param reverse   the reverse-DNS job (CloudTrail events → PTRs)
 * @param ec2       the EC2 dynamic-DNS job (instance state changes → A, AAAA, CNAME, PTR)
 * @param service   how the service runs its routes (route files, timers, shutdown, health, JMX, SQS polling)
 * @param cluster   several replicas: leader election and the NOTIFY hand-off (off: one replica)
 */
public record ZonebridgeConfig(Route53Settings route53, SafetySettings safety, Map<String, TsigKeyConfig> tsigKeys,
                               SecondarySettings secondary, ReverseSettings reverse,
                               Ec2Settings ec2, ServiceSettings service, ClusterSettings cluster) {
}
