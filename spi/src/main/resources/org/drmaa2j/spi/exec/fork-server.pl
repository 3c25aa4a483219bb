# SPDX-License-Identifier: Apache-2.0
# drmaa2j fork server: runs commands for a Java process that sends them over standard input.
# It never runs a shell: each request is an argv list that is exec'd directly, so no user text
# is ever parsed by a shell. Requests are served one at a time.
#
# Request:  int32 argc, argc x (int32 length, bytes), int32 stdin length (-1: none) + bytes,
#           int32 timeout in milliseconds
# Response: int32 status (exit code; 128+N for signal N; -1 could not exec; -2 timed out),
#           int32 length + stdout bytes, int32 length + stderr bytes
# All integers are big-endian. Output is collected in private files, so nothing can deadlock.
# Only modules of Debian's essential perl-base are used (POSIX, Fcntl, Errno, File::Temp).
use strict;
use warnings;
use POSIX ();
use Fcntl qw(O_WRONLY O_CREAT O_TRUNC O_RDONLY);
use File::Temp ();
use Errno ();

binmode STDIN;
binmode STDOUT;
$| = 1;
$SIG{PIPE} = 'IGNORE';
umask 077;
my $dir = File::Temp::tempdir('drmaa2j-fork-XXXXXXXX', TMPDIR => 1, CLEANUP => 1);
my ($in_file, $out_file, $err_file) = ("$dir/in", "$dir/out", "$dir/err");

sub read_n {
    my ($n) = @_;
    my $buf = '';
    while (length($buf) < $n) {
        my $r = sysread(STDIN, $buf, $n - length($buf), length($buf));
        return undef unless $r;
    }
    return $buf;
}
sub read_int { my $b = read_n(4); return defined $b ? unpack('l>', $b) : undef; }
sub read_bytes {
    my $n = read_int();
    return undef unless defined $n;
    return $n < 0 ? undef : ($n == 0 ? '' : read_n($n));
}
sub slurp {
    my ($f) = @_;
    open(my $h, '<:raw', $f) or return '';
    local $/;
    my $s = <$h>;
    close $h;
    return defined $s ? $s : '';
}
sub put { my ($f, $s) = @_; open(my $h, '>:raw', $f) or die "$f: $!"; print $h $s; close $h; }

while (1) {
    my $argc = read_int();
    last unless defined $argc;
    my @argv;
    for (1 .. $argc) {
        my $a = read_bytes();
        exit 2 unless defined $a;
        push @argv, $a;
    }
    my $inlen = read_int();
    exit 2 unless defined $inlen;
    my $input = $inlen >= 0 ? ($inlen ? read_n($inlen) : '') : undef;
    my $timeout_ms = read_int();
    exit 2 unless defined $timeout_ms;
    put($in_file, defined $input ? $input : '');

    pipe(my $fail_r, my $fail_w) or die "pipe: $!";    # close-on-exec: EOF means exec worked
    my $pid = fork();
    die "fork: $!" unless defined $pid;
    if ($pid == 0) {
        close $fail_r;
        setpgrp(0, 0);
        $SIG{PIPE} = 'DEFAULT';
        POSIX::dup2(POSIX::open(defined $input ? $in_file : '/dev/null', O_RDONLY), 0);
        POSIX::dup2(POSIX::open($out_file, O_WRONLY | O_CREAT | O_TRUNC, 0600), 1);
        POSIX::dup2(POSIX::open($err_file, O_WRONLY | O_CREAT | O_TRUNC, 0600), 2);
        { no warnings 'exec'; exec { $argv[0] } @argv; }
        syswrite($fail_w, "$!");
        POSIX::_exit(127);
    }
    close $fail_w;
    my $exec_error = '';
    sysread($fail_r, $exec_error, 4096);
    close $fail_r;

    my ($status, $timed_out) = (0, 0);
    local $SIG{ALRM} = sub { kill 'KILL', -$pid; $timed_out = 1; };
    alarm(int(($timeout_ms + 999) / 1000) || 1);
    while (1) {
        my $r = waitpid($pid, 0);
        if ($r == $pid) { $status = $?; last; }
        last if $r == -1 && !$!{EINTR};
    }
    alarm(0);
    my $code = length($exec_error) ? -1 : $timed_out ? -2 : ($status & 127) ? 128 + ($status & 127) : ($status >> 8);
    my $out = slurp($out_file);
    my $err = length($exec_error) ? $exec_error : slurp($err_file);
    print STDOUT pack('l>', $code), pack('l>', length($out)), $out, pack('l>', length($err)), $err;
}
