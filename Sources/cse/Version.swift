/// What `cse --version` prints. Raised with each release of the command surface.
let cseVersion = "0.14.0"
