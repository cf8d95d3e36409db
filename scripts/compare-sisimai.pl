#!/usr/bin/env perl
# Measures Sisimai (Debian's libsisimai-perl) on the labelled set of
# Tests/ReplyExplainerTests/Fixtures/labelled-replies.jsonl, beside smtp-codes on
# the same lines, for docs/reasons.md.
#
# Sisimai's reasons are coarser than ours (greylisting, reverse DNS and blocklists
# are all "blocked" in 4.25), so both tools are scored at Sisimai's granularity: a
# line counts as right when the tool's reason maps to the same Sisimai reason as the
# label (the `sisimai` field of Resources/reasons/reasons.json). smtp-codes' own,
# finer accuracy is printed too.
#
# Usage: scripts/compare-sisimai.pl [path/to/smtp-codes [labelled.jsonl]]   (after `swift build`)
use strict;
use warnings;
use JSON::PP;
use Sisimai;
use Sisimai::Reason;
use IPC::Open2;

my $binary = shift // '.build/debug/smtp-codes';
my $set = shift // 'Tests/ReplyExplainerTests/Fixtures/labelled-replies.jsonl';
my $json = JSON::PP->new->utf8;
sub slurp { local $/; open my $fh, '<', $_[0] or die "$_[0]: $!"; my $text = <$fh>; return $text }

my %sisimai_of = map { $_->{id} => $_->{sisimai} } @{ $json->decode(slurp('Resources/reasons/reasons.json'))->{reasons} };
my @lines = map { $json->decode($_) } grep { /\S/ } split /\n/, slurp($set);

my ($ours, $ours_coarse, $theirs, $answered) = (0, 0, 0, 0);
my (%by_reason, %seen_by_reason);
for my $line (@lines) {
    my $expected = $line->{reason};
    my $coarse = $sisimai_of{$expected};
    my $sisimai = Sisimai::Reason->match($line->{text}) || 'undefined';
    $answered++ if $sisimai ne 'undefined';
    # One explain run per line, so that a line the parser splits in two is still one answer.
    my $pid = open2(my $out, my $in, "'$binary' explain --json 2>/dev/null");
    print $in $line->{text};
    close $in;
    my $document = do { local $/; <$out> };
    waitpid $pid, 0;
    my $replies = eval { $json->decode($document) } || [];
    my $reason = @$replies ? $replies->[0]{reason} : 'none';
    $ours++ if $reason eq $expected;
    $ours_coarse++ if defined $sisimai_of{$reason} && $sisimai_of{$reason} eq $coarse;
    $theirs++ if $sisimai eq $coarse;
    $seen_by_reason{$expected}++;
    $by_reason{$expected}{ours}++ if $reason eq $expected;
    $by_reason{$expected}{theirs}++ if $sisimai eq $coarse;
}
my $total = @lines;
printf "lines: %d (Sisimai %s)\n", $total, $Sisimai::VERSION;
printf "smtp-codes, own reasons:          %5.1f%% (%d/%d)\n", 100 * $ours / $total, $ours, $total;
printf "smtp-codes, at Sisimai's reasons: %5.1f%% (%d/%d)\n", 100 * $ours_coarse / $total, $ours_coarse, $total;
printf "Sisimai::Reason->match:           %5.1f%% (%d/%d); it named a reason for %d lines\n",
    100 * $theirs / $total, $theirs, $total, $answered;
print "\nper reason (label: smtp-codes / Sisimai, right of lines)\n";
for my $reason (sort keys %seen_by_reason) {
    printf "  %-20s %3d / %3d of %3d\n", $reason, $by_reason{$reason}{ours} // 0, $by_reason{$reason}{theirs} // 0, $seen_by_reason{$reason};
}
