// The umbrella module: `import Qalam` gives the whole pipeline.
@_exported import QalamEvents
@_exported import QalamNames
@_exported import QalamText
