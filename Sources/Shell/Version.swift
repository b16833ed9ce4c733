/// What `cse --version` prints. Raised with each release of the command surface.
public let cseVersion = "0.19.0"
