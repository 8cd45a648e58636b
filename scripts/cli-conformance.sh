#!/usr/bin/env bash
# Drives the zonebridge local emulator with the real AWS CLI v2 (/usr/bin/aws --endpoint-url) and checks
# Route 53 and Resolver behaviour as the CLI shows it: outputs, error lines and exit code 254.
# Usage: scripts/cli-conformance.sh http://127.0.0.1:PORT   (or ZB_ENDPOINT=...). Exit 0 when every check passes.
set -uo pipefail

ENDPOINT="${1:-${ZB_ENDPOINT:-}}"
[[ -n "$ENDPOINT" ]] || { echo "usage: $0 ENDPOINT_URL" >&2; exit 2; }
AWS_BIN="${AWS_BIN:-/usr/bin/aws}"
[[ -x "$AWS_BIN" ]] || { echo "not ok - $AWS_BIN is missing (apt-get install awscli)" >&2; exit 1; }

export AWS_ACCESS_KEY_ID="${AWS_ACCESS_KEY_ID:-AKIACLICONFORMANCE01}" AWS_SECRET_ACCESS_KEY=local \
       AWS_DEFAULT_REGION=us-east-1 AWS_PAGER="" AWS_CONFIG_FILE=/dev/null AWS_SHARED_CREDENTIALS_FILE=/dev/null
RUN="cli$$-$(date +%s)"
VPC="vpc-$(od -An -N6 -tx1 /dev/urandom | tr -d ' \n')"
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
failures=0
checks=0

aws_() { "$AWS_BIN" --endpoint-url "$ENDPOINT" "$@"; }
pass() { checks=$((checks + 1)); echo "ok $checks - $1"; }
fail() { checks=$((checks + 1)); failures=$((failures + 1)); echo "not ok $checks - $1"; echo "#   $2"; }
check_eq() { # name expected actual
  if [[ "$2" == "$3" ]]; then pass "$1"; else fail "$1" "expected [$2] got [$3]"; fi
}
# expect_error NAME CODE OPERATION MESSAGE -- aws args...: exit 254 and exactly the CLI's error line.
expect_error() {
  local name="$1" code="$2" op="$3" message="$4"; shift 5
  local err rc
  err="$(aws_ "$@" 2>&1 >/dev/null)"; rc=$?
  local want="An error occurred ($code) when calling the $op operation: $message"
  if [[ $rc -eq 254 && "$(printf '%s' "$err" | sed '/^$/d')" == "$want" ]]; then pass "$name"
  else fail "$name" "exit $rc, stderr [$err], wanted 254 and [$want]"; fi
}
change_batch() { # FILE ACTION NAME TYPE TTL VALUE
  printf '{"Changes":[{"Action":"%s","ResourceRecordSet":{"Name":"%s","Type":"%s","TTL":%s,"ResourceRecords":[{"Value":"%s"}]}}]}' \
    "$2" "$3" "$4" "$5" "$6" > "$1"
}

ZONE="$RUN.example.org"
created="$(aws_ route53 create-hosted-zone --name "$ZONE" --caller-reference "$RUN-1" \
  --query '[HostedZone.Id, ChangeInfo.Status, Location, HostedZone.Name, length(DelegationSet.NameServers)]' --output text)"
ZONE_ID="$(cut -f1 <<<"$created")"
BARE_ID="${ZONE_ID##*/}"
if [[ "$ZONE_ID" =~ ^/hostedzone/Z[A-Z0-9]+$ ]]; then pass "create-hosted-zone answers a /hostedzone/ prefixed id"
else fail "create-hosted-zone answers a /hostedzone/ prefixed id" "got [$created]"; fi
check_eq "create-hosted-zone: PENDING, Location, normalised name, four name servers" \
  "PENDING	https://route53.amazonaws.com/2013-04-01/hostedzone/$BARE_ID	$ZONE.	4" "$(cut -f2- <<<"$created")"

check_eq "new zone holds apex NS (172800) and SOA (900)" "$ZONE.	NS	172800
$ZONE.	SOA	900" "$(aws_ route53 list-resource-record-sets --hosted-zone-id "$ZONE_ID" \
  --query 'ResourceRecordSets[].[Name, Type, TTL]' --output text)"

change_batch "$WORK/wild.json" CREATE "*.$ZONE" A 60 192.0.2.1
change_id="$(aws_ route53 change-resource-record-sets --hosted-zone-id "$ZONE_ID" --change-batch "file://$WORK/wild.json" \
  --query 'ChangeInfo.Id' --output text)"
check_eq "wildcard name comes back octal-escaped" "\\052.$ZONE." "$(aws_ route53 list-resource-record-sets \
  --hosted-zone-id "$ZONE_ID" --query "ResourceRecordSets[?Type=='A'].Name" --output text)"

check_eq "get-change with the prefixed id (CLI strips it) is INSYNC" "INSYNC" \
  "$(aws_ route53 get-change --id "$change_id" --query 'ChangeInfo.Status' --output text)"

expect_error "CREATE of an existing set: bracketed InvalidChangeBatch" InvalidChangeBatch ChangeResourceRecordSets \
  "[Tried to create resource record set [name='\\052.$ZONE.', type='A'] but it already exists]" -- \
  route53 change-resource-record-sets --hosted-zone-id "$ZONE_ID" --change-batch "file://$WORK/wild.json"

change_batch "$WORK/missing.json" DELETE "gone.$ZONE" A 60 192.0.2.9
expect_error "DELETE of a missing set: not found" InvalidChangeBatch ChangeResourceRecordSets \
  "[Tried to delete resource record set [name='gone.$ZONE.', type='A'] but it was not found]" -- \
  route53 change-resource-record-sets --hosted-zone-id "$ZONE_ID" --change-batch "file://$WORK/missing.json"

printf '{"Changes":[{"Action":"CREATE","ResourceRecordSet":{"Name":"nottl.%s","Type":"TXT","ResourceRecords":[{"Value":"\\"x\\""}]}}]}' \
  "$ZONE" > "$WORK/nottl.json"
expect_error "records without TTL: InvalidInput, found none" InvalidInput ChangeResourceRecordSets \
  "Invalid request: Expected exactly one of [AliasTarget, all of [TTL, and ResourceRecords], or TrafficPolicyInstanceId], but found none in Change with [Action=CREATE, Name=nottl.$ZONE, Type=TXT, SetIdentifier=null]" -- \
  route53 change-resource-record-sets --hosted-zone-id "$ZONE_ID" --change-batch "file://$WORK/nottl.json"

expect_error "unknown zone: NoSuchHostedZone with the id as sent" NoSuchHostedZone GetHostedZone \
  "No hosted zone found with ID: ZNOSUCHZONE1" -- route53 get-hosted-zone --id /hostedzone/ZNOSUCHZONE1

expect_error "unknown change: NoSuchChange" NoSuchChange GetChange \
  "Could not find resource with ID: C15RYMEZ8RZJFM" -- route53 get-change --id C15RYMEZ8RZJFM

expect_error "reused caller reference: HostedZoneAlreadyExists" HostedZoneAlreadyExists CreateHostedZone \
  "A hosted zone has already been created with the specified caller reference." -- \
  route53 create-hosted-zone --name "other-$ZONE" --caller-reference "$RUN-1"

expect_error "delete of a non-empty zone: HostedZoneNotEmpty" HostedZoneNotEmpty DeleteHostedZone \
  "The specified hosted zone contains non-required resource record sets and so cannot be deleted." -- \
  route53 delete-hosted-zone --id "$ZONE_ID"

expect_error "VPC with a public zone: PublicZoneVPCAssociation" PublicZoneVPCAssociation AssociateVPCWithHostedZone \
  "You're trying to associate a VPC with a public hosted zone. Amazon Route 53 doesn't support associating a VPC with a public hosted zone." -- \
  route53 associate-vpc-with-hosted-zone --hosted-zone-id "$ZONE_ID" --vpc VPCRegion=us-east-1,VPCId=vpc-0abc

{
  printf '{"Changes":['
  for i in $(seq 1 350); do
    ((i > 1)) && printf ','
    printf '{"Action":"CREATE","ResourceRecordSet":{"Name":"h%03d.%s","Type":"A","TTL":60,"ResourceRecords":[{"Value":"10.9.%d.%d"}]}}' \
      "$i" "$ZONE" $((i / 200)) $((i % 200))
  done
  printf ']}'
} > "$WORK/many.json"
aws_ route53 change-resource-record-sets --hosted-zone-id "$ZONE_ID" --change-batch "file://$WORK/many.json" >/dev/null
check_eq "list-resource-record-sets auto-paginates past 300 sets" "353" \
  "$(aws_ route53 list-resource-record-sets --hosted-zone-id "$ZONE_ID" --query 'ResourceRecordSets[].Name' --output text | wc -w)"

check_eq "--no-paginate --max-items 2 gives a truncated page with NextRecordName/Type" "True	2	\\052.$ZONE.	A" \
  "$(aws_ route53 list-resource-record-sets --hosted-zone-id "$ZONE_ID" --no-paginate --max-items 2 \
     --query '[IsTruncated, length(ResourceRecordSets), NextRecordName, NextRecordType]' --output text)"

PRIV="$(aws_ route53 create-hosted-zone --name "$RUN.internal" --caller-reference "$RUN-2" \
  --vpc VPCRegion=eu-west-1,VPCId=$VPC --query 'HostedZone.Id' --output text)"
check_eq "list-hosted-zones-by-vpc: bare id and owning account" "${PRIV##*/}	$RUN.internal." \
  "$(aws_ route53 list-hosted-zones-by-vpc --vpc-id $VPC --vpc-region eu-west-1 \
     --query 'HostedZoneSummaries[].[HostedZoneId, Name]' --output text)"

check_eq "resolver config of a never-updated VPC is ENABLED" "ENABLED" \
  "$(aws_ route53resolver get-resolver-config --resource-id $VPC --query 'ResolverConfig.AutodefinedReverse' --output text)"
check_eq "update-resolver-config DISABLE answers DISABLING" "DISABLING" \
  "$(aws_ route53resolver update-resolver-config --resource-id $VPC --autodefined-reverse-flag DISABLE \
     --query 'ResolverConfig.AutodefinedReverse' --output text)"
check_eq "list-resolver-configs then shows DISABLED" "DISABLED" \
  "$(aws_ route53resolver list-resolver-configs --query "ResolverConfigs[?ResourceId=='$VPC'].AutodefinedReverse" --output text)"

echo "# $checks checks, $failures failed"
((failures == 0))
