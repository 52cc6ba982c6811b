#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Build the hostile fixture roots of tests/e2e/adversarial.sh.

    hostile-root.py KIND ROOT OUTSIDE

KIND is one of the roots below; ROOT is created (it must not exist;
"canaries" plants secrets into an existing ROOT and prints their tokens);
OUTSIDE is a directory outside every root where files the roots must
never reach are planted (canaries).  Every root starts from a small
healthy system (passwd, shadow, login.defs, PAM, smb.conf, exports,
rsnapshot) so that each plugin has something to read, then breaks it.
Names are bytes: newlines, escapes, invalid UTF-8 and HTML go through.
"""
import os
import stat
import sys

CANARY_OUTSIDE = "OUTSIDE-CANARY-6f1d"

PASSWD = """root:x:0:0:root:/root:/bin/bash
alice:x:1000:1000:Alice:/home/alice:/bin/bash
bob:x:1001:1001:Bob:/home/bob:/bin/bash
"""
SHADOW = """root:$y$j9T$rootsaltINROOT$rootHashInsideTheFixtureRootNotAHostHash0:19000:0:99999:7:::
alice:$6$alicesaltINROOT$aliceHashInsideTheFixtureRootAAAAAAAAAAAAAAAAAAAAAAAA:19000:0:90:7:::
bob:!:19000:0:99999:7:::
"""
LOGIN_DEFS = "PASS_MAX_DAYS 90\nPASS_MIN_LEN 8\nENCRYPT_METHOD YESCRYPT\n"
COMMON_PASSWORD = ("password requisite pam_pwquality.so retry=3 minlen=12\n"
                   "password [success=1 default=ignore] pam_unix.so obscure yescrypt\n")
COMMON_AUTH = "auth required pam_faillock.so preauth deny=5\nauth [success=1 default=ignore] pam_unix.so\n"
SMB_CONF = "[global]\n  map to guest = never\n  hosts allow = 10.\n[data]\n  path = /srv/share\n  valid users = alice\n  read only = no\n"
EXPORTS = "/srv/share 10.0.0.0/8(rw,sec=krb5p)\n"
RSNAPSHOT = "snapshot_root\t/srv/snap/\nretain\tdaily\t7\nbackup\t/home/\tlocalhost/\nlogfile\t/var/log/rsnapshot.log\n"


def b(s):
    return s if isinstance(s, bytes) else s.encode()


def put(root, path, data, mode=0o644):
    full = os.path.join(b(root), b(path).lstrip(b"/"))
    os.makedirs(os.path.dirname(full), exist_ok=True)
    with open(full, "wb") as f:
        f.write(b(data))
    os.chmod(full, mode)
    return full


def link(root, path, target):
    full = os.path.join(b(root), b(path).lstrip(b"/"))
    os.makedirs(os.path.dirname(full), exist_ok=True)
    if os.path.islink(full) or os.path.isfile(full):
        os.unlink(full)
    elif os.path.isdir(full):
        os.rmdir(full)
    os.symlink(b(target), full)


def base(root):
    os.makedirs(root)
    put(root, "/etc/hostname", "hostile\n")
    put(root, "/etc/os-release", 'ID=debian\nVERSION_ID="12"\nPRETTY_NAME="Debian GNU/Linux 12"\n')
    put(root, "/etc/passwd", PASSWD)
    put(root, "/etc/group", "root:x:0:\nalice:x:1000:\nbob:x:1001:\nstaff:x:50:alice\n")
    put(root, "/etc/shadow", SHADOW, 0o640)
    put(root, "/etc/login.defs", LOGIN_DEFS)
    put(root, "/etc/pam.d/common-password", COMMON_PASSWORD)
    put(root, "/etc/pam.d/common-auth", COMMON_AUTH)
    put(root, "/etc/samba/smb.conf", SMB_CONF)
    put(root, "/etc/exports", EXPORTS)
    put(root, "/etc/rsnapshot.conf", RSNAPSHOT)
    put(root, "/var/log/rsnapshot.log", "[2026-01-01T03:00:00] /usr/bin/rsnapshot daily: completed successfully\n")
    for d in ("/srv/share", "/srv/snap/daily.0", "/home/alice", "/home/bob"):
        os.makedirs(os.path.join(root, d.lstrip("/")), exist_ok=True)
    os.chown(os.path.join(root, "home/alice"), 1000, 1000)
    os.chown(os.path.join(root, "home/bob"), 1001, 1001)
    os.chmod(os.path.join(root, "home/alice"), 0o750)
    os.chmod(os.path.join(root, "home/bob"), 0o750)


def outside(out):
    """The files a root must never reach, outside every root."""
    os.makedirs(out, exist_ok=True)
    put(out, "/shadow", "root:$6$OUTSIDE$%sHash:19000:0:99999:7:::\n" % CANARY_OUTSIDE, 0o600)
    put(out, "/passwd", "%s:x:0:0::/root:/bin/sh\n" % CANARY_OUTSIDE)
    put(out, "/login.defs", "PASS_MIN_LEN 99 # %s\n" % CANARY_OUTSIDE)
    put(out, "/smb.conf", "[%s]\n path = /\n guest ok = yes\n" % CANARY_OUTSIDE)
    put(out, "/exports", "/%s *(rw,no_root_squash)\n" % CANARY_OUTSIDE)
    os.makedirs(os.path.join(out, "tree"), exist_ok=True)
    put(out, "/tree/%s-world-writable" % CANARY_OUTSIDE, "x", 0o666)


def kind_links(root, out):
    """Symlink loops, and links that point out of the root."""
    base(root)
    # loops: a file that is itself, two that are each other, a directory
    # that contains itself
    link(root, "/etc/samba/smb.conf", "smb.conf")
    link(root, "/etc/pam.d/common-password", "common-password.2")
    link(root, "/etc/pam.d/common-password.2", "common-password")
    link(root, "/srv/share/loop", ".")
    link(root, "/srv/share/up", "../..")
    link(root, "/home/alice/cycle-a", "cycle-b")
    link(root, "/home/alice/cycle-b", "cycle-a")
    # out of the root: the host's own /etc/shadow, absolute paths of the
    # outside directory (which resolve inside the root, to an in-root
    # twin) and relative climbs (which stop at the root)
    link(root, "/etc/shadow", "/etc/shadow")
    link(root, "/etc/passwd", os.path.join(out, "passwd"))
    put(root, os.path.join(out, "passwd"), PASSWD.replace("bob:", "inroottwin:"))
    link(root, "/etc/login.defs", "../../../../../../../../.." + os.path.join(out, "login.defs"))
    put(root, os.path.join(out, "login.defs"), "PASS_MIN_LEN 5\nPASS_MAX_DAYS 90\n")
    link(root, "/etc/exports", os.path.join(out, "exports-missing-twin"))
    link(root, "/srv/share/outside", os.path.join(out, "tree"))
    link(root, "/srv/share/host-etc", "/etc")
    link(root, "/home/bob", "/root")
    link(root, "/etc/rsnapshot.conf", "/proc/self/root/" + os.path.join(out, "login.defs"))


def kind_deep(root, out):
    """A 10,000-deep directory chain under a share and a home."""
    base(root)
    fd = os.open(os.path.join(root, "srv/share"), os.O_RDONLY | os.O_DIRECTORY)
    for _ in range(10000):
        os.mkdir("d", 0o777, dir_fd=fd)
        nfd = os.open("d", os.O_RDONLY | os.O_DIRECTORY, dir_fd=fd)
        os.close(fd)
        fd = nfd
    # at the bottom, something the walk must report
    wfd = os.open("bottom-world-writable", os.O_WRONLY | os.O_CREAT, 0o666, dir_fd=fd)
    os.fchmod(wfd, 0o666)
    os.close(wfd)
    os.close(fd)


def kind_wide(root, out):
    """100,000 files in one directory."""
    base(root)
    d = os.path.join(root, "srv/share/many")
    os.makedirs(d)
    fd = os.open(d, os.O_RDONLY | os.O_DIRECTORY)
    for i in range(100000):
        f = os.open("f%06d" % i, os.O_WRONLY | os.O_CREAT, 0o644, dir_fd=fd)
        if i % 25000 == 7:
            os.fchmod(f, 0o666)	# four world-writable ones among them
        os.close(f)
    os.close(fd)


def kind_special(root, out):
    """FIFOs and devices where configuration files should be: never read,
    never waited on."""
    base(root)
    for p in ("/etc/login.defs", "/etc/samba/smb.conf", "/etc/rsnapshot.conf",
              "/etc/security/pwquality.conf", "/etc/apt/apt.conf.d/50unattended-upgrades",
              "/etc/NetworkManager/system-connections/fifo.nmconnection",
              "/etc/logrotate.conf", "/etc/profile"):
        full = os.path.join(root, p.lstrip("/"))
        os.makedirs(os.path.dirname(full), exist_ok=True)
        if os.path.lexists(full):
            os.unlink(full)
        os.mkfifo(full)
    # /dev/zero and /dev/urandom inside the root, where configuration
    # files point; made only when device nodes can be made (CAP_MKNOD)
    os.makedirs(os.path.join(root, "dev"))
    try:
        os.mknod(os.path.join(root, "dev/zero"), 0o666 | stat.S_IFCHR, os.makedev(1, 5))
        os.mknod(os.path.join(root, "dev/urandom"), 0o666 | stat.S_IFCHR, os.makedev(1, 9))
    except PermissionError:
        pass
    link(root, "/etc/pam.d/common-password", "/dev/zero")
    link(root, "/etc/exports", "/dev/zero")
    link(root, "/etc/shadow", "/dev/urandom")
    link(root, "/etc/crypttab", "/dev/zero")
    link(root, "/etc/fstab", "/dev/zero")
    link(root, "/var/log/rsnapshot.log", "/dev/zero")


def kind_sparse(root, out):
    """2 GB configuration files, nothing written: a reader that does not
    bound its read takes seconds and gigabytes."""
    base(root)
    for p in ("/etc/login.defs", "/etc/pam.d/common-auth", "/etc/exports",
              "/etc/samba/smb.conf", "/var/log/rsnapshot.log", "/etc/os-release",
              "/var/lib/dpkg/status", "/etc/logrotate.conf", "/etc/fstab",
              "/etc/NetworkManager/system-connections/big.nmconnection"):
        full = os.path.join(root, p.lstrip("/"))
        os.makedirs(os.path.dirname(full), exist_ok=True)
        with open(full, "wb") as f:
            f.truncate(2 << 30)


def kind_crlf(root, out):
    """NUL bytes and CRLF line ends in every configuration."""
    base(root)
    crlf = lambda t: t.replace("\n", "\r\n")
    put(root, "/etc/passwd", crlf(PASSWD) + "nul\0user:x:1002:1002::/home/nul:/bin/sh\r\n")
    put(root, "/etc/shadow", crlf(SHADOW) + "nul\0user::19000::::::\r\n", 0o640)
    put(root, "/etc/login.defs", "PASS_MAX_DAYS\0 90\r\nPASS_MIN_LEN 8\r\n")
    put(root, "/etc/pam.d/common-password", crlf(COMMON_PASSWORD).replace("retry", "re\0try"))
    put(root, "/etc/pam.d/common-auth", crlf(COMMON_AUTH))
    put(root, "/etc/security/faillock.conf", "deny\0= 3\r\nunlock_time = 600\r\n")
    put(root, "/etc/samba/smb.conf", "[global]\r\n map to guest = never\r\n hosts allow = 10.\r\n"
        "[crlf]\r\n path = /srv/share\r\n guest\0 ok = yes\r\n valid users = alice\r\n"
        "[nul\0share]\r\n path = /srv/share\r\n guest ok = yes\r\n")
    put(root, "/etc/exports", "/srv/share 10.0.0.0/8(rw,sec=krb5p)\r\n/srv/nul\0 *(rw,no_root_squash)\r\n")
    put(root, "/etc/rsnapshot.conf", crlf(RSNAPSHOT) + "retain\0\tweekly\t4\r\n")


def kind_bombs(root, out):
    """Includes that multiply: each file includes itself (or the next)
    many times.  Depth limits alone let these cost k^depth reads."""
    base(root)
    put(root, "/etc/pam.d/login", "auth include login\n" * 40)
    put(root, "/etc/pam.d/common-password", "@include common-password\n" * 40)
    put(root, "/etc/samba/smb.conf", "[global]\n" +
        "".join("  include = /etc/samba/inc%d.conf\n" % i for i in range(40)))
    for i in range(40):
        put(root, "/etc/samba/inc%d.conf" % i,
            "".join("include = /etc/samba/inc%d.conf\n" % j for j in range(40)))
    put(root, "/etc/rsnapshot.conf", RSNAPSHOT + "include_conf\t/etc/rsnapshot.conf\n" * 60)


def kind_names(root, out):
    """File, share and user names with newlines, escapes, invalid UTF-8
    and HTML, each attached to a finding."""
    base(root)
    share = os.path.join(root, "srv/share").encode()
    names = [
        b"new\nline<script>alert(1)<script>",
        b"esc\x1b[31mred\x1b[0m\x07bell",
        b"bad-utf8-\xff\xfe\xc3(",
        b"<img src=x onerror=alert(2)>&amp;\"'",
        b"tab\tcr\rdel\x7f",
    ]
    for n in names:
        p = os.path.join(share, n)
        with open(p, "wb") as f:
            f.write(b"x")
        os.chmod(p, 0o666)
    put(root, "/etc/samba/smb.conf",
        "[global]\n  map to guest = bad user\n[<script>x</script>]\n  path = /srv/share\n"
        "  guest ok = yes\n  read only = no\n[esc\x1b[2Jclear]\n  path = /srv/share\n  guest ok = yes\n")
    put(root, "/etc/passwd", PASSWD + "ev\x1bil<b>:x:0:0::/root:/bin/sh\n")
    put(root, "/etc/shadow", SHADOW + "ev\x1bil<b>::19000:0:99999:7:::\n", 0o640)


def kind_canaries(root, out):
    """Secrets where audited systems keep them, in an existing root; each
    holds a token printed on stdout, one per line, that no report, log or
    message may ever show."""
    tokens = []

    def tok(kind):
        t = "cnry%s%04d" % (kind, len(tokens))
        tokens.append(t)
        return t

    def add(path, text, mode=0o600):
        full = os.path.join(root, path.lstrip("/"))
        os.makedirs(os.path.dirname(full), exist_ok=True)
        with open(full, "a") as f:
            f.write(text)
        os.chmod(full, mode)

    # password hashes, sha512 and yescrypt, also one in /etc/passwd itself
    add("/etc/shadow", "carol:$6$%s$%sXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX:19000:0:99999:7:::\n"
        "dave:$y$j9T$%s$%sYYYYYYYYYYYYYYYYYYYYYYYYYYYY:19000:0:99999:7:::\n"
        % (tok("salt"), tok("hash6"), tok("salty"), tok("hashy")), 0o640)
    add("/etc/passwd", "carol:x:1010:1010::/home/carol:/bin/bash\n"
        "dave:x:1011:1011::/home/dave:/bin/bash\n"
        "erin:$1$%s$%sZZZZZZZZZZZZZ:1012:1012::/home/erin:/bin/bash\n"
        % (tok("md5salt"), tok("md5hash")), 0o644)
    # private keys, readable by everyone (a finding, never the content)
    add("/home/alice/.ssh/id_ed25519", "-----BEGIN OPENSSH PRIVATE KEY-----\n"
        "b3BlbnNzaC1rZXktdjEAAAAA%s\n-----END OPENSSH PRIVATE KEY-----\n" % tok("sshkey"), 0o644)
    add("/etc/ssl/private/server.key", "-----BEGIN PRIVATE KEY-----\n"
        "MIIEvQIBADANBgkqhkiG9w0B%s\n-----END PRIVATE KEY-----\n" % tok("tlskey"), 0o644)
    add("/home/alice/.netrc", "machine ftp.example password %s\n" % tok("netrc"), 0o644)
    # Wi-Fi: NetworkManager, wpa_supplicant, iwd
    add("/etc/NetworkManager/system-connections/Canary.nmconnection",
        "[connection]\nid=Canary\ntype=wifi\n[wifi]\nssid=CanaryNet\n"
        "[wifi-security]\nkey-mgmt=wpa-psk\npsk=%s\n[802-1x]\npassword=%s\n"
        % (tok("nmpsk"), tok("eap")))
    add("/etc/wpa_supplicant/wpa_supplicant.conf",
        'network={\n ssid="CanaryWpa"\n psk="%s"\n key_mgmt=WPA-PSK\n}\n'
        'network={\n ssid="CanaryWep"\n key_mgmt=NONE\n wep_key0="%s"\n}\n'
        % (tok("wpapsk"), tok("wep")))
    add("/var/lib/iwd/CanaryIwd.psk", "[Security]\nPassphrase=%s\n" % tok("iwd"))
    # Samba and NFS
    add("/etc/samba/smbpasswd", "alice:1000:XXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX:%s:[U          ]:LCT-00000000:\n"
        % tok("nthash").ljust(32, "0"))
    add("/etc/samba/smb.conf", "\n[global]\n  passdb backend = ldapsam:ldap://admin:%s@ldap.example\n"
        "  ldap admin dn = cn=admin\n[cred]\n  path = /srv/cred\n  guest ok = yes\n"
        "  valid users = alice\n  comment = share\n" % tok("ldappw"), 0o644)
    add("/etc/samba/credentials", "username=alice\npassword=%s\n" % tok("smbcred"), 0o644)
    add("/etc/fstab", "//nas/share /mnt/nas cifs username=alice,password=%s 0 0\n" % tok("cifs"), 0o644)
    add("/etc/krb5.keytab", "\x05\x02%s" % tok("keytab"))
    add("/etc/exports", "/srv/cred gss/krb5p(rw,sec=krb5p) # %s\n" % tok("exportsnote"), 0o644)
    # backups: restic, borg, duplicity
    add("/etc/restic/env", "RESTIC_PASSWORD=%s\nRESTIC_REPOSITORY=rest:https://backup:%s@backup.example:8000/repo\n"
        % (tok("restic"), tok("resturl")))
    add("/etc/restic/password", "%s\n" % tok("resticfile"))
    add("/etc/systemd/system/canary-backup.service",
        "[Service]\nEnvironment=RESTIC_PASSWORD=%s\n"
        "ExecStart=/usr/bin/restic -r sftp:backup@host:/srv/restic backup /home\n" % tok("unitpw"), 0o644)
    add("/etc/cron.d/canary-borg",
        "BORG_PASSPHRASE=%s\n0 3 * * * root borg create ssh://backup@host/./repo::{now} /etc\n"
        % tok("borg"), 0o644)
    add("/usr/local/sbin/canary-dup.sh",
        "#!/bin/sh\nexport PASSPHRASE=%s\nduplicity /home sftp://u:%s@host/dup\n"
        % (tok("dup"), tok("dupurl")), 0o755)
    add("/root/.pgpass", "db:5432:*:postgres:%s\n" % tok("pgpass"))
    for t in tokens:
        print(t)


KINDS = {
    "links": kind_links,
    "deep": kind_deep,
    "wide": kind_wide,
    "special": kind_special,
    "sparse": kind_sparse,
    "crlf": kind_crlf,
    "bombs": kind_bombs,
    "names": kind_names,
    "base": base,
    "canaries": kind_canaries,
}

if __name__ == "__main__":
    if len(sys.argv) != 4 or sys.argv[1] not in KINDS:
        sys.exit("usage: hostile-root.py %s ROOT OUTSIDE" % "|".join(KINDS))
    outside(sys.argv[3])
    if sys.argv[1] == "base":
        base(sys.argv[2])
    elif sys.argv[1] == "canaries":
        kind_canaries(sys.argv[2], sys.argv[3])
    else:
        KINDS[sys.argv[1]](sys.argv[2], sys.argv[3])
