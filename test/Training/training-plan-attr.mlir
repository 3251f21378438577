// RUN: hspmd-opt --hspmd-import-cluster=name=4xH800 --hspmd-cost-report %s -split-input-file -verify-diagnostics -o /dev/null

// A recorded training plan (`hspmd.training_plan`, written by
// --hspmd-apply-plan) is checked where it is read, naming the field.

// expected-error @+1 {{'hspmd.training_plan' must be a dictionary}}
module attributes {hspmd.training_plan = "4 x H800"} {}

// -----

// expected-error @+1 {{'hspmd.training_plan': unknown field 'stage', expected model, micro_batch_size, recompute, virtual_stages, zero, pipelines}}
module attributes {hspmd.training_plan = {stage = 1}} {}

// -----

// expected-error @+1 {{'hspmd.training_plan': 'model' must be a string of model fields (missing)}}
module attributes {hspmd.training_plan = {micro_batch_size = 1}} {}

// -----

// expected-error @+1 {{'hspmd.training_plan': model field 'depth=2': expected layers, hidden, heads}}
module attributes {hspmd.training_plan = {model = "depth=2", micro_batch_size = 1, virtual_stages = 1, recompute = "none", zero = true, pipelines = []}} {}

// -----

// expected-error @+1 {{'hspmd.training_plan': model: model 'program': hidden must be positive, got 0}}
module attributes {hspmd.training_plan = {model = "layers=2", micro_batch_size = 1, virtual_stages = 1, recompute = "none", zero = true, pipelines = []}} {}

// -----

// expected-error @+1 {{'hspmd.training_plan': 'micro_batch_size' must be a positive integer, got 0 : i64}}
module attributes {hspmd.training_plan = {model = "layers=2,hidden=64,heads=4,ffn=128,seq=16,vocab=8", micro_batch_size = 0, virtual_stages = 1, recompute = "none", zero = true, pipelines = []}} {}

// -----

// expected-error @+1 {{'recompute' must be "none", "selective" or "full", got "some"}}
module attributes {hspmd.training_plan = {model = "layers=2,hidden=64,heads=4,ffn=128,seq=16,vocab=8", micro_batch_size = 1, virtual_stages = 1, recompute = "some", zero = true, pipelines = []}} {}

// -----

// expected-error @+1 {{'hspmd.training_plan': 'pipelines' is empty}}
module attributes {hspmd.training_plan = {model = "layers=2,hidden=64,heads=4,ffn=128,seq=16,vocab=8", micro_batch_size = 1, virtual_stages = 1, recompute = "none", zero = true, pipelines = []}} {}

// -----

// expected-error @+1 {{'hspmd.training_plan' pipeline 0 stage 1: 'devices' must be an array<i64: ...> of ranks}}
module attributes {hspmd.training_plan = {model = "layers=2,hidden=64,heads=4,ffn=128,seq=16,vocab=8", micro_batch_size = 1, virtual_stages = 1, recompute = "none", zero = true, pipelines = [{micro_batches = 2, stages = [{devices = array<i64: 0, 1>, layers = 1}, {devices = [2, 3], layers = 1}]}]}} {}

// -----

// Well formed, but the plan names a rank the 4-device cluster lacks: said by
// the report, which prices the plan on the module's cluster.
// expected-error @+1 {{'hspmd.training_plan' does not run on the module's cluster: pipeline 0 stage 1 names device 7, but the cluster has 4}}
module attributes {hspmd.training_plan = {model = "layers=2,hidden=64,heads=4,ffn=128,seq=16,vocab=8", micro_batch_size = 1, virtual_stages = 1, recompute = "none", zero = true, pipelines = [{micro_batches = 2, stages = [{devices = array<i64: 0, 1>, layers = 1}, {devices = array<i64: 2, 7>, layers = 1}]}]}} {}

// -----

// Layers that do not add up to the model's.
// expected-error @+1 {{'hspmd.training_plan' does not run on the module's cluster: pipeline 0 runs 2 layers, but the model has 3}}
module attributes {hspmd.training_plan = {model = "layers=3,hidden=64,heads=4,ffn=128,seq=16,vocab=8", micro_batch_size = 1, virtual_stages = 1, recompute = "none", zero = true, pipelines = [{micro_batches = 2, stages = [{devices = array<i64: 0, 1>, layers = 1}, {devices = array<i64: 2, 3>, layers = 1}]}]}} {}
